// Types of cpu-profile.js, for the tests (the bench itself is plain JavaScript).
export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }>;
  samples: number[];
  timeDeltas: number[];
}
export interface FunctionTime {
  name: string;
  url: string;
  line: number;
  selfMs: number;
  totalMs: number;
}
export declare function selfTimes(profile: CpuProfile): FunctionTime[];
export declare function inclusiveTime(profile: CpuProfile, test: (url: string) => boolean): number;
