/** Entry point of `npm run organizer -- <command>`. */
import { terminalIo } from './io';
import { runOrganizer } from './program';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
process.env.LOG_LEVEL ??= 'warn';

runOrganizer(process.argv.slice(2), terminalIo()).then((code) => {
  process.exitCode = code;
});
