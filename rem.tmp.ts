import { reminderPlan } from './lambda/domain/reminderPlan';
import { defaultProtocol } from './lambda/protocol/load';
import { reminderText } from './lambda/speech/reminders.en-US';
import { spokenSecondsOfText } from './lambda/speech/spokenLength';
const p = defaultProtocol();
for (const e of reminderPlan(p, '2026-11-20' as any, '07:30' as any)) { const t = reminderText(e, p); console.log(e.day, t.length, spokenSecondsOfText(t).toFixed(1), t); }
