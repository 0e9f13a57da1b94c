/**
 * {@code sprocket sweep} on Apache Spark: the driver checks the sweep file and its results folder as the local runner
 * does, the executors run slices of the grid, and the driver writes their rows in the same Parquet layout
 * (docs/sweeps.md).
 */
package sprocket.sweep.spark;
