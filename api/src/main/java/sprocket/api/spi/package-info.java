/**
 * What every provider shares: {@link sprocket.api.spi.Provider} (name, version, the API version it was
 * built for, its tunables and the {@link sprocket.api.spi.Conflict}s among their values), and the settings and
 * counters the kernel hands to providers.
 */
package sprocket.api.spi;
