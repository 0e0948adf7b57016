// Runs before each test file. scripts/test.sh runs jest in Asia/Ho_Chi_Minh unless TZ is set;
// TEST_TZ overrides the zone for the server tiers alone. Kept so every file in those tiers starts from
// the same place.
if (process.env.TEST_TZ) process.env.TZ = process.env.TEST_TZ;
