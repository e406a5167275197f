/**
 * Test runs print only warnings and errors from the handlers (LOG_LEVEL=info shows everything), and
 * not the SDK's notice about future Node.js versions.
 */
process.env.LOG_LEVEL ??= 'warn';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
