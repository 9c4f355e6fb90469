/** Match files: the one recorded-match format shared by the simulator, the browser and the server. Pure. */
export { MATCH_FORMAT, MATCH_VERSION, matchFileSchema, type MatchFile, type MatchAction, type RoundHash, type SeatPlayer, type MatchResult } from './schema.js';
export { parseMatch, validateMatch, serializeMatch } from './codec.js';
export { MatchRecorder } from './record.js';
export { replayMatch, type ReplayOptions, type ReplayDone, type ReplayFailed } from './replay.js';
