/**
 * Parses a CloudFormation YAML template into the same JSON shape CloudFormation itself uses, with the
 * short-form intrinsics (!Ref, !GetAtt, !Sub, ...) turned into their long form ({ Ref }, { 'Fn::GetAtt' }, ...),
 * in scalar, sequence and mapping form. Unknown `!Tags` make the parse fail rather than pass silently.
 */
import { readFileSync } from 'node:fs';
import { parse, type Tags, type YAMLMap, type YAMLSeq } from 'yaml';

const FUNCTIONS = [
  'Ref',
  'Condition',
  'GetAtt',
  'Sub',
  'Join',
  'If',
  'Equals',
  'Not',
  'And',
  'Or',
  'Select',
  'Split',
  'FindInMap',
  'Base64',
  'Cidr',
  'ImportValue',
  'GetAZs',
  'Length',
  'ToJsonString',
  'Transform',
] as const;

const longName = (fn: string): string => (fn === 'Ref' || fn === 'Condition' ? fn : `Fn::${fn}`);

function cfnTags(): Tags {
  const tags: Tags = [];
  for (const fn of FUNCTIONS) {
    const key = longName(fn);
    tags.push({
      tag: `!${fn}`,
      // `!GetAtt Res.Attr` is the one scalar form that is not passed through as is.
      resolve: (value: string) => ({ [key]: fn === 'GetAtt' ? splitGetAtt(value) : value }),
    });
    tags.push({ tag: `!${fn}`, collection: 'seq', resolve: (seq) => ({ [key]: (seq as YAMLSeq).toJSON() }) });
    tags.push({ tag: `!${fn}`, collection: 'map', resolve: (map) => ({ [key]: (map as YAMLMap).toJSON() }) });
  }
  return tags;
}

function splitGetAtt(value: string): [string, string] {
  const dot = value.indexOf('.');
  if (dot <= 0) throw new Error(`malformed !GetAtt ${value}`);
  return [value.slice(0, dot), value.slice(dot + 1)];
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface CfnResource {
  Type: string;
  Properties?: Record<string, Json>;
  DependsOn?: string | string[];
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
  [key: string]: unknown;
}

export interface CfnTemplate {
  AWSTemplateFormatVersion?: string;
  Parameters?: Record<string, { Type: string; Default?: Json; [key: string]: unknown }>;
  Resources: Record<string, CfnResource>;
  Outputs?: Record<string, { Value: Json; [key: string]: unknown }>;
  [key: string]: unknown;
}

export function parseCfnYaml(source: string): CfnTemplate {
  return parse(source, { customTags: cfnTags(), strict: true, prettyErrors: true }) as CfnTemplate;
}

export function loadCfnTemplate(file: string): CfnTemplate {
  return parseCfnYaml(readFileSync(file, 'utf8'));
}

export const isObject = (v: unknown): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
