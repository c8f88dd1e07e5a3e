// Stand-in for undici (see README.md beside this file). @actions/http-client and @actions/github
// import it at load time but the action never calls what they use it for; if anything ever does,
// fail loudly rather than misbehave.
'use strict';

function unused(name) {
  return function () {
    throw new Error(
      `undici.${name} was called, but this bundle replaces undici with a stub (stubs/undici): ` +
        'the action makes its requests with node:http/https and tunnel agents. Drop the undici alias in tsconfig.json if it is needed.',
    );
  };
}

module.exports = {
  ProxyAgent: unused('ProxyAgent'),
  Agent: unused('Agent'),
  fetch: unused('fetch'),
  request: unused('request'),
};
