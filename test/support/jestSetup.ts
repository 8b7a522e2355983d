// The Lambda runs Node 22+; here (Node 20) the AWS SDK would print an "upgrade Node" warning per worker.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
