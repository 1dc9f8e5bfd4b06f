export { type BenchmarkContext, runBenchmark } from "./benchmark.ts";
export { type HttpClient, httpClient } from "./http.ts";
export { type Case, type LoadOptions, measure, measureAll, percentile, type Row } from "./load.ts";
export { LORD_BENCHES, type LordBench, type LordCall, type LordCaller, lordRequest, probeLord } from "./lords.ts";
export { loadOptions } from "./options.ts";
export { printRatios, printTable } from "./report.ts";
export { type BenchWorker, startFixtureWorker, startProjectWorker } from "./workers.ts";
export { type BenchMember, type BenchWorkspace, createBenchWorkspace } from "./workspace.ts";
