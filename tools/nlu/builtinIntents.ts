/**
 * Phrases Alexa's built-in intents understand without samples in the model (a representative subset).
 * Model samples for these intents are added on top, as Alexa does.
 */
export const BUILTIN_PHRASES: Readonly<Record<string, readonly string[]>> = {
  'AMAZON.YesIntent': ['yes', 'yeah', 'yep', 'yup', 'sure', 'correct', "that's right", 'that is correct', 'right', 'ok', 'okay', 'please do', 'yes please', 'of course', 'absolutely', 'sounds good', 'go ahead', 'do it'],
  'AMAZON.NoIntent': ['no', 'nope', 'nah', 'wrong', "that's wrong", 'not right', "that's not right", 'no thanks', 'no thank you', 'not really', 'incorrect', "don't"],
  'AMAZON.RepeatIntent': ['repeat', 'repeat that', 'say that again', 'what did you say', 'come again', 'pardon', 'can you repeat that', 'say it again', 'one more time'],
  'AMAZON.HelpIntent': ['help', 'help me', 'what can you do', 'how does this work', 'what can I ask', 'what can I say', 'what do I say', 'I need help', 'how do I use this'],
  'AMAZON.StopIntent': ['stop', 'quit', 'exit', 'goodbye', 'good bye', 'bye', 'bye bye', 'shut up', "that's all", "I'm done", 'be quiet', 'off'],
  'AMAZON.CancelIntent': ['cancel', 'never mind', 'nevermind', 'forget it', 'cancel that'],
  'AMAZON.NavigateHomeIntent': ['go home', 'home'],
};
