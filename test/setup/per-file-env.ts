// Runs before each test file. Nothing to set yet beyond what scripts/test.sh exports; kept so every
// file in the server tiers starts from the same place.
process.env.TZ = process.env.TEST_TZ ?? process.env.TZ;
