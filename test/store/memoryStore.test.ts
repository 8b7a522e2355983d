import { createMemoryStore } from '../../lambda/store/memoryStore';
import { FIXED_NOW, profileStoreContract, RETENTION_DAYS, type StoreUnderTest } from './profileStoreContract';

describe('memory store', () => {
  const memory = createMemoryStore({ retentionDays: RETENTION_DAYS, now: () => FIXED_NOW });
  const subject = (): StoreUnderTest => ({
    store: memory,
    putRaw: async (item) => void memory.records.set(String(item.id), structuredClone(item)),
    getRaw: async (id) => memory.records.get(id),
  });
  profileStoreContract(subject);
});
