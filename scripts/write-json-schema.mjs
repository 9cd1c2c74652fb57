// Writes the JSON Schema of a survey record next to the build, for other languages.
import { writeFileSync } from 'node:fs';
import { surveyRecordJsonSchema } from '../dist/index.js';

writeFileSync(new URL('../dist/survey-record.schema.json', import.meta.url), `${JSON.stringify(surveyRecordJsonSchema(), null, 2)}\n`);
