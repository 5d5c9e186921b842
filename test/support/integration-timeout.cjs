// Each integration test talks to a local site in this process, often one of its own: on a machine shared with other
// builds that takes more than Jest's default 5 s, and a slow machine must not read as a failing test.
jest.setTimeout(30_000);
