/**
 * The CloudFormation template that `npm run deploy` (ask-cli cfn-deployer) creates: the properties a clinic
 * relies on without reading YAML — least privilege, data protection, the Alexa trigger, Alexa's 8 s limit.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { mcpPatientKey, personItemId } from '../../lambda/store/keys';
import { isObject, loadCfnTemplate, parseCfnYaml, type CfnResource, type CfnTemplate, type Json } from './cfnYaml';

const ROOT = path.join(__dirname, '..', '..');
const TEMPLATE = path.join(ROOT, 'infrastructure', 'cfn-deployer', 'skill-stack.yaml');

/** The DynamoDB item operations lambda/store performs; the policy grants exactly these. */
const ITEM_ACTIONS = ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];
const LOG_ACTIONS = ['logs:CreateLogStream', 'logs:PutLogEvents'];

/** The parameters the cfn-deployer always passes (ask-cli 2.x, cfn-deployer/index.js _mapStackParameters). */
const DEPLOYER_PARAMETERS = ['SkillId', 'LambdaRuntime', 'LambdaHandler', 'CodeBucket', 'CodeKey', 'CodeVersion'];

const template = loadCfnTemplate(TEMPLATE);

function resourcesOfType(t: CfnTemplate, type: string): Array<[string, CfnResource]> {
  return Object.entries(t.Resources).filter(([, r]) => r.Type === type);
}

function onlyResource(t: CfnTemplate, type: string): [string, CfnResource] {
  const found = resourcesOfType(t, type);
  if (found.length !== 1) throw new Error(`expected exactly one ${type}, found ${found.length}`);
  return found[0]!;
}

const props = (r: CfnResource): Record<string, Json> => r.Properties ?? {};
const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/**
 * Evaluates the intrinsics this template uses for names, with parameter defaults, so e.g. the log group's
 * name can be compared to the function's. Pseudo parameters become readable placeholders.
 */
function evaluate(t: CfnTemplate, v: Json): string {
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (isObject(v) && typeof v.Ref === 'string') {
    const param = t.Parameters?.[v.Ref];
    if (param?.Default !== undefined) return String(param.Default);
    return `<${v.Ref}>`;
  }
  if (isObject(v) && 'Fn::Sub' in v) {
    const sub = v['Fn::Sub'];
    const [text, vars] =
      typeof sub === 'string' ? [sub, {}] : [String((sub as Json[])[0]), ((sub as Json[])[1] ?? {}) as Record<string, Json>];
    return text.replace(/\$\{([^}!]+)\}/g, (_m, name: string) => (name in vars ? evaluate(t, vars[name]!) : evaluate(t, { Ref: name })));
  }
  throw new Error(`cannot evaluate ${JSON.stringify(v)}`);
}

/**
 * Every literal text an IAM Action/Resource value can contribute, for the wildcard check: Sub templates,
 * Join pieces, parameter defaults. `!GetAtt <LogGroup>.Arn` counts as text ending in ":*", because that is
 * what CloudFormation returns for a log group's Arn.
 */
function literalTexts(t: CfnTemplate, v: Json): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap((x) => literalTexts(t, x));
  if (!isObject(v)) return [String(v)];
  if (typeof v.Ref === 'string') {
    const d = t.Parameters?.[v.Ref]?.Default;
    return d === undefined ? [] : [String(d)];
  }
  if ('Fn::GetAtt' in v) {
    const [res, attr] = v['Fn::GetAtt'] as [string, string];
    return t.Resources[res]?.Type === 'AWS::Logs::LogGroup' && attr === 'Arn' ? ['arn:...:log-group:...:*'] : [];
  }
  return Object.values(v).flatMap((x) => literalTexts(t, x));
}

interface Statement {
  readonly where: string;
  readonly raw: Record<string, Json>;
  readonly actions: string[];
  readonly resources: Json[];
}

/** Every IAM policy statement anywhere in the template (inline role policies, AWS::IAM::Policy, ...). */
function statements(t: CfnTemplate): Statement[] {
  const found: Statement[] = [];
  const walk = (node: Json, where: string) => {
    if (Array.isArray(node)) node.forEach((x, i) => walk(x, `${where}[${i}]`));
    else if (isObject(node)) {
      for (const [k, v] of Object.entries(node)) {
        if (k === 'Statement') {
          for (const [i, s] of asArray(v as Json | Json[]).entries()) {
            if (!isObject(s)) throw new Error(`${where}.Statement[${i}] is not an object`);
            found.push({
              where: `${where}.Statement[${i}]`,
              raw: s,
              actions: asArray(s.Action as Json | Json[]).map(String),
              resources: asArray(s.Resource as Json | Json[]),
            });
          }
        } else walk(v, `${where}.${k}`);
      }
    }
  };
  for (const [id, r] of Object.entries(t.Resources)) walk((r.Properties ?? {}) as Json, id);
  return found;
}

/** A resource by logical id: the skill's and the Alexa+ add-on's are of the same types. */
function resource(t: CfnTemplate, id: string, type: string): [string, CfnResource] {
  const r = t.Resources[id];
  if (r?.Type !== type) throw new Error(`expected ${id} to be a ${type}`);
  return [id, r];
}

const [tableId, table] = onlyResource(template, 'AWS::DynamoDB::Table');
const [functionId, fn] = resource(template, 'SkillFunction', 'AWS::Lambda::Function');
const [logGroupId, logGroup] = resource(template, 'LogGroup', 'AWS::Logs::LogGroup');
const [, trigger] = resource(template, 'AlexaSkillTrigger', 'AWS::Lambda::Permission');
const [mcpFunctionId, mcpFn] = resource(template, 'McpFunction', 'AWS::Lambda::Function');
const [mcpLogGroupId, mcpLogGroup] = resource(template, 'McpLogGroup', 'AWS::Logs::LogGroup');

/** The only `*` the template may contain: log-stream names inside a function's own log group (see the template comment). */
const logStreamResource = (groupId: string) => ({
  'Fn::Sub': `arn:\${AWS::Partition}:logs:\${AWS::Region}:\${AWS::AccountId}:log-group:\${${groupId}}:log-stream:*`,
});
const LOG_STREAM_RESOURCES = [logStreamResource(logGroupId), logStreamResource(mcpLogGroupId)].map((r) => JSON.stringify(r));

describe('the parser', () => {
  it('reads short-form intrinsics in scalar, sequence and mapping form', () => {
    const t = parseCfnYaml(
      [
        'Resources:',
        '  X:',
        '    Type: T',
        '    Properties:',
        '      A: !Ref P',
        '      B: !GetAtt R.Arn',
        '      C: !GetAtt [R, Arn]',
        '      D: !Sub ["${x}-y", {x: !Ref P}]',
        '      E: !Join ["", [!Ref P, !Select [0, !Split [",", "a,b"]]]]',
        '      F: !If [Cond, !Equals [!Ref P, "v"], !Ref "AWS::NoValue"]',
        '      G: !Base64 {"Fn::Sub": "z"}',
      ].join('\n'),
    );
    expect(t.Resources.X!.Properties).toEqual({
      A: { Ref: 'P' },
      B: { 'Fn::GetAtt': ['R', 'Arn'] },
      C: { 'Fn::GetAtt': ['R', 'Arn'] },
      D: { 'Fn::Sub': ['${x}-y', { x: { Ref: 'P' } }] },
      E: { 'Fn::Join': ['', [{ Ref: 'P' }, { 'Fn::Select': [0, { 'Fn::Split': [',', 'a,b'] }] }]] },
      F: { 'Fn::If': ['Cond', { 'Fn::Equals': [{ Ref: 'P' }, 'v'] }, { Ref: 'AWS::NoValue' }] },
      G: { 'Fn::Base64': { 'Fn::Sub': 'z' } },
    });
  });

  it('rejects an unknown tag instead of ignoring it', () => {
    expect(() => parseCfnYaml('A: !NotAFunction x')).toThrow();
  });
});

describe('the cfn-deployer contract', () => {
  it('declares every parameter ask-cli passes, and only those without a default', () => {
    const params = template.Parameters ?? {};
    for (const p of DEPLOYER_PARAMETERS) expect(params[p]).toBeDefined();
    const required = Object.entries(params)
      .filter(([, p]) => p.Default === undefined)
      .map(([name]) => name);
    expect(required.sort()).toEqual([...DEPLOYER_PARAMETERS].sort());
  });

  it('outputs SkillEndpoint as the function ARN (ask-cli writes it into skill.json)', () => {
    expect(template.Outputs?.SkillEndpoint?.Value).toEqual({ 'Fn::GetAtt': [functionId, 'Arn'] });
  });

  it('builds the function from the uploaded code, runtime and handler the deployer passes', () => {
    const p = props(fn);
    expect(p.Code).toEqual({ S3Bucket: { Ref: 'CodeBucket' }, S3Key: { Ref: 'CodeKey' }, S3ObjectVersion: { Ref: 'CodeVersion' } });
    expect(p.Runtime).toEqual({ Ref: 'LambdaRuntime' });
    expect(p.Handler).toEqual({ Ref: 'LambdaHandler' });
  });
});

describe('the DynamoDB table', () => {
  const p = props(table);

  it('has the partition key `id` of type S and nothing else in its key', () => {
    expect(p.KeySchema).toEqual([{ AttributeName: 'id', KeyType: 'HASH' }]);
    expect(p.AttributeDefinitions).toEqual([{ AttributeName: 'id', AttributeType: 'S' }]);
  });

  it('bills on demand', () => {
    expect(p.BillingMode).toBe('PAY_PER_REQUEST');
  });

  it('expires items through TTL on `expiresAt`', () => {
    expect(p.TimeToLiveSpecification).toEqual({ AttributeName: 'expiresAt', Enabled: true });
  });

  it('has point-in-time recovery and encryption at rest with KMS turned on', () => {
    expect(p.PointInTimeRecoverySpecification).toEqual(expect.objectContaining({ PointInTimeRecoveryEnabled: true }));
    expect(p.SSESpecification).toEqual(expect.objectContaining({ SSEEnabled: true }));
  });

  it('survives deleting or replacing the stack (patient data is never deleted by a deploy)', () => {
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
  });
});

describe('the Lambda function', () => {
  const p = props(fn);

  it('times out before Alexa gives up (8 s)', () => {
    expect(typeof p.Timeout).toBe('number');
    expect(p.Timeout as number).toBeLessThan(8);
  });

  it('runs on arm64', () => {
    expect(p.Architectures).toEqual(['arm64']);
  });

  it('is configured by environment: CARE_TABLE is the table, SKILL_ID the deployed skill', () => {
    const vars = (p.Environment as { Variables: Record<string, Json> }).Variables;
    expect(vars.CARE_TABLE).toEqual({ Ref: tableId });
    expect(vars.SKILL_ID).toEqual({ Ref: 'SkillId' });
  });

  it('sets no reserved variable and no --enable-source-maps (it slows every cold start)', () => {
    const vars = (p.Environment as { Variables: Record<string, Json> }).Variables;
    expect(Object.keys(vars).filter((k) => k.startsWith('AWS_') || k.startsWith('LAMBDA_'))).toEqual([]);
    expect(JSON.stringify(vars.NODE_OPTIONS ?? '')).not.toContain('enable-source-maps');
  });

  it('writes to the declared log group, which keeps logs for a limited time', () => {
    const fnName = evaluate(template, p.FunctionName!);
    expect(evaluate(template, props(logGroup).LogGroupName!)).toBe(`/aws/lambda/${fnName}`);
    expect(asArray(fn.DependsOn)).toContain(logGroupId);
    const days = props(logGroup).RetentionInDays;
    expect(typeof days).toBe('number');
    expect(days as number).toBeGreaterThan(0);
  });
});

describe('the Alexa trigger', () => {
  const p = props(trigger);

  it('lets only Alexa invoke the function, and only for our skill id', () => {
    expect(p.Principal).toBe('alexa-appkit.amazon.com');
    expect(p.EventSourceToken).toEqual({ Ref: 'SkillId' });
    expect(String(p.Action).toLowerCase()).toBe('lambda:invokefunction');
    expect(p.FunctionName).toEqual({ 'Fn::GetAtt': [functionId, 'Arn'] });
  });
});

describe('IAM least privilege', () => {
  const all = statements(template);
  const roles = resourcesOfType(template, 'AWS::IAM::Role');

  it('has a role per function (the skill, the add-on), each function runs with its own, none carries managed policies', () => {
    expect(roles.map(([id]) => id).sort()).toEqual(['FunctionRole', 'McpFunctionRole']);
    expect(props(fn).Role).toEqual({ 'Fn::GetAtt': ['FunctionRole', 'Arn'] });
    expect(props(mcpFn).Role).toEqual({ 'Fn::GetAtt': ['McpFunctionRole', 'Arn'] });
    for (const [, role] of roles) expect(props(role).ManagedPolicyArns).toBeUndefined();
    expect(resourcesOfType(template, 'AWS::IAM::ManagedPolicy')).toEqual([]);
  });

  it('only Lambda can assume the roles', () => {
    for (const [, role] of roles) {
      expect(props(role).AssumeRolePolicyDocument).toEqual({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      });
    }
  });

  it('uses no NotAction, NotResource or NotPrincipal (they grant everything not listed)', () => {
    for (const s of all) {
      expect(Object.keys(s.raw).filter((k) => k.startsWith('Not'))).toEqual([]);
    }
  });

  it('has no `*` in any action, anywhere', () => {
    for (const s of all) {
      for (const a of s.actions) expect(`${s.where}: ${a}`).not.toMatch(/[*?]/);
    }
    expect(String(props(trigger).Action)).not.toMatch(/[*?]/);
  });

  it('has no `*` in any resource except the stream names of its own log group', () => {
    for (const s of all) {
      for (const r of s.resources) {
        if (LOG_STREAM_RESOURCES.includes(JSON.stringify(r))) continue;
        for (const text of literalTexts(template, r)) expect(`${s.where}: ${text}`).not.toMatch(/[*?]/);
      }
    }
  });

  it('each log-stream wildcard is granted, in its own role, for the two log-writing actions only', () => {
    for (const [roleId, groupId] of [
      ['FunctionRole', logGroupId],
      ['McpFunctionRole', mcpLogGroupId],
    ] as const) {
      const target = JSON.stringify(logStreamResource(groupId));
      const withWildcard = all.filter((s) => s.resources.some((r) => JSON.stringify(r) === target));
      expect(withWildcard).toHaveLength(1);
      expect(withWildcard[0]!.where.startsWith(`${roleId}.`)).toBe(true);
      expect(withWildcard[0]!.actions.sort()).toEqual([...LOG_ACTIONS].sort());
      expect(withWildcard[0]!.resources).toHaveLength(1);
    }
  });

  it('grants the skill exactly the item actions the store uses, on the table only (no indexes, no Scan)', () => {
    const dynamo = all.filter((s) => s.where.startsWith('FunctionRole.') && s.actions.some((a) => a.startsWith('dynamodb:')));
    expect(dynamo).toHaveLength(1);
    expect(dynamo[0]!.actions.sort()).toEqual([...ITEM_ACTIONS].sort());
    expect(dynamo[0]!.resources).toEqual([{ 'Fn::GetAtt': [tableId, 'Arn'] }]);
  });

  it('grants the add-on only get/put/delete, on the table, and only on items of its own key space', () => {
    const dynamo = all.filter((s) => s.where.startsWith('McpFunctionRole.') && s.actions.some((a) => a.startsWith('dynamodb:')));
    expect(dynamo).toHaveLength(1);
    expect(dynamo[0]!.actions.sort()).toEqual(['dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem']);
    expect(dynamo[0]!.resources).toEqual([{ 'Fn::GetAtt': [tableId, 'Arn'] }]);
    expect(dynamo[0]!.raw.Condition).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${MCP_KEY_PREFIX}*`] } });
  });

  it('grants nothing else: every Allow statement is a table one, a log one, or a trust policy', () => {
    const services = new Set(all.flatMap((s) => s.actions.map((a) => a.split(':')[0])));
    expect([...services].sort()).toEqual(['dynamodb', 'logs', 'sts']);
    for (const s of all) expect(s.raw.Effect).toBe('Allow');
    expect(all).toHaveLength(6);
  });
});

/** The add-on's item keys, as lambda/store/keys.ts makes them: the policy's LeadingKeys prefix must be theirs. */
const MCP_KEY_PREFIX = personItemId(mcpPatientKey('https://issuer.example', 'someone')).slice(0, 2);

describe('the Alexa+ add-on', () => {
  const p = props(mcpFn);
  const addonResources = Object.entries(template.Resources).filter(([id]) => id.startsWith('Mcp'));

  it('exists only when an authorization server is named (AuthIssuer), with every part of it', () => {
    expect(template.Parameters?.AuthIssuer?.Default).toBe('');
    expect((template.Conditions as Record<string, Json> | undefined)?.WithAddon).toEqual({
      'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'AuthIssuer' }, ''] }],
    });
    expect(addonResources.length).toBeGreaterThanOrEqual(6);
    for (const [id, r] of addonResources) expect(`${id}: ${String(r.Condition)}`).toBe(`${id}: WithAddon`);
    expect(template.Outputs?.McpServerUrl).toMatchObject({
      Condition: 'WithAddon',
      Value: { 'Fn::Sub': '${McpFunctionUrl.FunctionUrl}mcp' },
    });
  });

  it("runs dist/mcp.js from the skill's own upload", () => {
    expect(p.Code).toEqual(props(fn).Code);
    expect(p.Handler).toBe('mcp.handler');
    expect(p.Runtime).toEqual({ Ref: 'LambdaRuntime' });
  });

  it('is configured with the table and its authorization server, and sets no reserved variable', () => {
    const vars = (p.Environment as { Variables: Record<string, Json> }).Variables;
    expect(vars).toMatchObject({
      CARE_TABLE: { Ref: tableId },
      AUTH_ISSUER: { Ref: 'AuthIssuer' },
      AUTH_JWKS_URI: { Ref: 'AuthJwksUri' },
      AUTH_AUDIENCE: { Ref: 'AuthAudience' },
    });
    expect(Object.keys(vars).filter((k) => k.startsWith('AWS_') || k.startsWith('LAMBDA_'))).toEqual([]);
    expect(evaluate(template, props(mcpLogGroup).LogGroupName!)).toBe(`/aws/lambda/${evaluate(template, p.FunctionName!)}`);
    expect(asArray(mcpFn.DependsOn)).toContain(mcpLogGroupId);
  });

  it('is reached over HTTPS through its function URL, which only invokes it through that URL', () => {
    const [, url] = resource(template, 'McpFunctionUrl', 'AWS::Lambda::Url');
    expect(props(url)).toMatchObject({ TargetFunctionArn: { 'Fn::GetAtt': [mcpFunctionId, 'Arn'] }, AuthType: 'NONE' });
    const perms = resourcesOfType(template, 'AWS::Lambda::Permission')
      .filter(([id]) => id.startsWith('Mcp'))
      .map(([, r]) => props(r));
    expect(perms).toHaveLength(2);
    for (const perm of perms) expect(perm.FunctionName).toEqual({ 'Fn::GetAtt': [mcpFunctionId, 'Arn'] });
    expect(perms).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Action: 'lambda:InvokeFunctionUrl', FunctionUrlAuthType: 'NONE' }),
        expect.objectContaining({ Action: 'lambda:InvokeFunction', InvokedViaFunctionUrl: true }),
      ]),
    );
  });
});

/** SDK v3 command class -> the IAM action it needs. Unknown DynamoDB commands fail the test below. */
const COMMAND_ACTIONS: Record<string, string[]> = {
  GetCommand: ['dynamodb:GetItem'],
  GetItemCommand: ['dynamodb:GetItem'],
  PutCommand: ['dynamodb:PutItem'],
  PutItemCommand: ['dynamodb:PutItem'],
  UpdateCommand: ['dynamodb:UpdateItem'],
  UpdateItemCommand: ['dynamodb:UpdateItem'],
  DeleteCommand: ['dynamodb:DeleteItem'],
  DeleteItemCommand: ['dynamodb:DeleteItem'],
  BatchWriteCommand: ['dynamodb:BatchWriteItem'],
  BatchWriteItemCommand: ['dynamodb:BatchWriteItem'],
  BatchGetCommand: ['dynamodb:BatchGetItem'],
  BatchGetItemCommand: ['dynamodb:BatchGetItem'],
  QueryCommand: ['dynamodb:Query'],
  ScanCommand: ['dynamodb:Scan'],
  // A transaction needs the action of each item operation in it; ConditionCheckItem is added below when used.
  TransactWriteCommand: [],
  TransactWriteItemsCommand: [],
  TransactGetCommand: ['dynamodb:GetItem'],
  TransactGetItemsCommand: ['dynamodb:GetItem'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return name.endsWith('.ts') ? [full] : [];
  });
}

/** Table administration: local tooling only (tools/localDynamo via ensureTable). The stack creates the table. */
const ADMIN_COMMAND = /^(Create|Describe|Delete|Update|List)(Table|TimeToLive|ContinuousBackups|Tables|Backup)\w*Command$/;

describe('policy and code agree', () => {
  const lambdaFiles = sourceFiles(path.join(ROOT, 'lambda'));

  it('every DynamoDB item command the Lambda code sends is allowed by the policy', () => {
    const granted = new Set(statements(template).flatMap((s) => s.actions));
    const needed = new Map<string, string>();
    for (const file of lambdaFiles) {
      const text = readFileSync(file, 'utf8');
      if (!/@aws-sdk\/(lib|client)-dynamodb/.test(text)) continue;
      const where = path.relative(ROOT, file);
      for (const m of text.matchAll(/\b([A-Z]\w*Command)\b/g)) {
        const command = m[1]!;
        if (ADMIN_COMMAND.test(command)) continue;
        const actions = COMMAND_ACTIONS[command];
        if (!actions) throw new Error(`${where} uses ${command}: add it to COMMAND_ACTIONS and decide on the policy`);
        for (const a of actions) needed.set(a, `${where} (${command})`);
        if (command.startsWith('TransactWrite')) {
          const ops: Array<[RegExp, string]> = [
            [/\bPut\s*:/, 'dynamodb:PutItem'],
            [/\bUpdate\s*:/, 'dynamodb:UpdateItem'],
            [/\bDelete\s*:/, 'dynamodb:DeleteItem'],
            [/\bConditionCheck\s*:/, 'dynamodb:ConditionCheckItem'],
          ];
          for (const [re, a] of ops) if (re.test(text)) needed.set(a, `${where} (${command})`);
        }
      }
    }
    expect(needed.size).toBeGreaterThan(0);
    const missing = [...needed].filter(([a]) => !granted.has(a)).map(([a, where]) => `${a} for ${where}`);
    expect(missing).toEqual([]);
  });

  it('the deployed entry points never create or alter the table (that is not granted; the stack owns it)', () => {
    const entries = ['index.ts', 'skill.ts'].map((f) => path.join(ROOT, 'lambda', f)).filter((f) => lambdaFiles.includes(f));
    for (const file of entries) expect(readFileSync(file, 'utf8')).not.toMatch(/\bensureTable\b/);
  });
});
