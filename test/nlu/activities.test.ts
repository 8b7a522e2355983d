import { interactionModel, match, resolvedId, SKILL_ID } from './fixture';

const activityType = interactionModel.interactionModel.languageModel.types?.find((t) => t.name === 'ActivityType');

describe('ActivityType resolves values and synonyms with entity-resolution ids', () => {
  test.each([
    ['can I take Advil', 'antiInflammatories', 'Advil'],
    ['can I take motrin', 'antiInflammatories', 'Motrin'],
    ['can I take an aleve', 'antiInflammatories', 'Aleve'],
    ['can I take some ibuprofen', 'antiInflammatories', 'ibuprofen'],
    ['is aspirin ok', 'antiInflammatories', 'aspirin'],
    ['can I use tretinoin', 'prescriptions', 'tretinoin'],
    ['can I take Accutane', 'prescriptions', 'Accutane'],
    ['can I use my retin-a', 'prescriptions', 'Retin A'],
    ['can I use retinol yet', 'retinoids', 'retinol'],
    ['can I wear makeup', 'makeup', 'makeup'],
    ['can I wear make-up', 'makeup', 'make up'],
    ['can I wear foundation today', 'makeup', 'foundation'],
    ['can I go to the gym', 'exercise', 'gym'],
    ['can I work out', 'exercise', 'work out'],
    ['can I go running', 'exercise', 'running'],
    ['can I go in the sauna', 'sauna', 'sauna'],
    ['is the hot tub okay', 'notCovered_hot_tubs', 'hot tub'],
    ['can I use an ice pack', 'ice', 'ice pack'],
    ['can I use ice packs', 'ice', 'ice packs'],
    ['can I exfoliate', 'exfoliation', 'exfoliate'],
    ['can I use a face scrub', 'exfoliation', 'face scrub'],
    ['can I use a toner', 'acids', 'toner'],
    ['can I use glycolic acid', 'acids', 'glycolic acid'],
    ['can I wear perfume', 'fragrance', 'perfume'],
    ['can I go outside', 'sun', 'outside'],
    ['can I go to the beach', 'sun', 'beach'],
    ['can I use moisturizer', 'gentleCare', 'moisturizer'],
    ['can I use hyaluronic acid', 'gentleCare', 'hyaluronic acid'],
    ['can I wear sunscreen', 'sunProtection', 'sunscreen'],
    ['should I use SPF', 'sunProtection', 'SPF'],
  ])('"%s" → %s', (utterance, id, value) => {
    const result = match(utterance);
    expect(result.intent).toBe('CanIIntent');
    const slot = result.slots.activity;
    expect(resolvedId(slot)).toBe(id);
    expect(slot?.value).toBe(value);
    expect(slot?.resolutions?.resolutionsPerAuthority?.[0]?.authority).toBe(`amzn1.er-authority.echo-sdk.${SKILL_ID}.ActivityType`);
  });

  test('the resolved value carries the canonical name and id', () => {
    const slot = match('can I take Advil').slots.activity;
    expect(slot?.resolutions?.resolutionsPerAuthority?.[0]?.values[0]?.value).toEqual({ name: 'ibuprofen', id: 'antiInflammatories' });
    expect(slot?.confirmationStatus).toBe('NONE');
  });

  test('every value and synonym in the model resolves to its own id', () => {
    for (const v of activityType?.values ?? []) {
      for (const spoken of [v.name.value, ...(v.name.synonyms ?? [])]) {
        const result = match(`when can I use ${spoken}`);
        expect({ spoken, intent: result.intent, id: resolvedId(result.slots.activity) }).toEqual({
          spoken,
          intent: 'WhenCanIIntent',
          id: v.id,
        });
      }
    }
  });

  test('an unknown activity still fills the slot, with ER_SUCCESS_NO_MATCH, like Alexa', () => {
    const result = match('can I drink kombucha');
    expect(result.intent).toBe('CanIIntent');
    // The slot keeps every word it does not know, the verb too: the skill's words list drops it.
    expect(result.slots.activity?.value).toBe('drink kombucha');
    expect(resolvedId(result.slots.activity)).toBe('NO_MATCH');
    expect(result.slots.activity?.resolutions?.resolutionsPerAuthority?.[0]?.values).toBeUndefined();
  });

  test('an unresolved capture loses to a sample that resolves', () => {
    // "can I {activity}" could take "take advil" raw, but "can I take {activity}" resolves Advil.
    expect(resolvedId(match('can I take advil').slots.activity)).toBe('antiInflammatories');
    // "what about {activity}" would take "tomorrow" raw; "what about {date}" resolves it.
    expect(match('what about tomorrow').intent).toBe('DayPlanIntent');
    // "when can I {activity}" could take "come back"; NextSessionIntent says it word for word.
    expect(match('when can I come back').intent).toBe('NextSessionIntent');
  });
});
