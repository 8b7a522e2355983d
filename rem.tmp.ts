import { reminderPlan } from './lambda/domain/reminderPlan';
import { defaultProtocol } from './lambda/protocol/load';
import { reminderText } from './lambda/speech/reminders.en-US';
const p = defaultProtocol();
for (const e of reminderPlan(p, '2026-11-01' as any, '07:30' as any)) { const t = reminderText(e, p); console.log(e.day, t.length, t); }
