/**
 * `npm run protocol:report`: every care fact of the protocol the skill runs with, its source (the
 * article's sentence, or the clinic's reading) and its review state; the unreviewed ones last, counted.
 */
import { protocolFacts } from '../lambda/protocol/facts';
import { defaultProtocol } from '../lambda/protocol/load';
import { factLine } from '../lambda/protocol/review';

const facts = protocolFacts(defaultProtocol());
const unreviewed = facts.filter((f) => !f.reviewed);
for (const f of facts.filter((x) => x.reviewed)) console.log(factLine(f));
if (unreviewed.length > 0) {
  console.log(`\nAwaiting the clinic's review (${unreviewed.length}):`);
  for (const f of unreviewed) console.log(factLine(f));
}
console.log(
  `\n${facts.length} facts: ${facts.filter((f) => 'article' in f.source).length} from the article, ${facts.length - unreviewed.length} reviewed, ${unreviewed.length} unreviewed.`,
);
