/**
 * Jest's own runner (jest-circus) with the tests of each file shuffled, for the projects that name it as `testRunner`.
 * `randomize` is a global option in Jest, not a project one, so this is how one project runs in random order while
 * the browser tests keep theirs. The seed is the run's (`--seed <n>` sets it); a failing file says which it was, so
 * the order can be replayed.
 */
// Its build exports the runner as `default`.
const runTests = require('jest-circus/runner').default;

module.exports = async (globalConfig, config, environment, runtime, testPath, sendMessageToJest) => {
  const result = await runTests({ ...globalConfig, randomize: true }, config, environment, runtime, testPath, sendMessageToJest);
  if (result.failureMessage && !globalConfig.randomize) {
    result.failureMessage += `\n  The tests of this file ran in random order, seed ${globalConfig.seed}: replay it with --seed ${globalConfig.seed}\n`;
  }
  return result;
};
