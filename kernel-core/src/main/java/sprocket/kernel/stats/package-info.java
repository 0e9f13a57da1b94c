/**
 * What a run counts and records: the named counters (the kernel's and the providers'), the event trace with its
 * digest (two runs with the same configuration and seed have the same digest) and the Perfetto trace file.
 * Nothing here knows processes; the rest of the kernel feeds it.
 */
package sprocket.kernel.stats;
