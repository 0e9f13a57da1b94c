/**
 * {@code sprocket compare}: one program over every combination of configurations, varied settings and seeds, run
 * several at once on the host's cores (each simulation single-threaded and deterministic), and the results as a
 * side-by-side table, CSV, JSON and a self-contained HTML report with charts.
 */
package sprocket.cli.compare;
