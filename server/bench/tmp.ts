import { measureValidationOverhead } from './validation-overhead.js';
console.log(await measureValidationOverhead(Number(process.argv[2]), Number(process.argv[3])));
