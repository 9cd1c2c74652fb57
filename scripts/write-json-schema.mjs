// Writes the JSON Schemas of a survey record and of a standard next to the build, for other
// languages and editors, and checks every shipped standard file against both the published schema
// and the strict schema of the library: the build fails on a standard that does not validate.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { formatPath, safeDefineStandard, standardJsonSchema } from '../dist/index.js';
import { surveyRecordJsonSchema } from '../dist/survey.js';

const write = (name, schema) => writeFileSync(new URL(`../dist/${name}`, import.meta.url), `${JSON.stringify(schema, null, 2)}\n`);
write('survey-record.schema.json', surveyRecordJsonSchema());
const schema = standardJsonSchema();
write('standard.schema.json', schema);

const validate = new Ajv2020.default({ strict: false, allErrors: true, validateFormats: false }).compile(schema);
const dataDir = new URL('../src/standards/data/', import.meta.url);
const problems = [];
for (const name of readdirSync(dataDir).filter((f) => f.endsWith('.json')).sort()) {
  const standard = JSON.parse(readFileSync(new URL(name, dataDir), 'utf8'));
  if (!validate(standard)) for (const e of validate.errors ?? []) problems.push(`${name}: ${e.instancePath || '/'} ${e.message}`);
  const strict = safeDefineStandard(standard);
  if (!strict.success) problems.push(`${name}: ${strict.error.code} at ${formatPath(strict.error.path)}: ${strict.error.message}`);
  if (`${standard.id}.json` !== name) problems.push(`${name}: the file of standard ${standard.id} is named ${standard.id}.json`);
}
if (problems.length) {
  process.stderr.write(`shipped standards that do not validate:\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
  process.exit(1);
}
