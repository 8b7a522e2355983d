import { planForDay } from './lambda/domain/care';
import { defaultProtocol } from './lambda/protocol/load';
import { en } from './lambda/speech/en-US';
import { spokenSecondsOfText } from './lambda/speech/spokenLength';
import { addDays } from './lambda/domain/calendar';
const p = defaultProtocol(); const T = '2026-11-01' as any;
for (const appt of [undefined, '15:00']) for (let d = 1; d <= 16; d++) {
  const plan = planForDay(p, T, d); const t = en.briefing(plan, addDays(T, d - 1), p, { appointment: appt as any });
  console.log(d, appt ?? '', spokenSecondsOfText(t + ' What else would you like to know?').toFixed(1), t);
}
