/** The local stack for integration and browser tests (re-exported so tests import one place). */
export { startStack, type RunningStack, type StackOptions } from '../../local/stack';
