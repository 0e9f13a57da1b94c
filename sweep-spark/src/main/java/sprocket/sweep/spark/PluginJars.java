package sprocket.sweep.spark;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.SparkContext;
import scala.jdk.javaapi.CollectionConverters;
import sprocket.kernel.Catalog;

/**
 * Plug-in jars (a third-party scheduler, docs/writing-a-scheduler.md) on Spark. On the class path Spark runs an
 * application on, a plug-in's providers are found by {@link java.util.ServiceLoader} in the jar's
 * {@code META-INF/services}, through the thread's context class loader, which is what {@link Catalog#discover} reads:
 * an executor's tasks run with a loader over every jar the application was given ({@code --jars},
 * {@link SparkContext#addJar}), so each executor finds them in the jars Spark fetched for it. The driver finds them
 * through a loader made here over the jars that are local files.
 */
final class PluginJars {
    private PluginJars() {
    }

    /**
     * Gives {@code jars} (paths or URIs) to the executors when Spark does not have them yet, and returns the driver's
     * catalog: the application's providers and those of {@code jars}.
     */
    static Catalog ship(SparkContext context, List<String> jars) throws MalformedURLException {
        Set<String> added = new HashSet<>();
        for (String j : CollectionConverters.asJava(context.listJars())) added.add(name(URI.create(j)));
        List<URL> local = new ArrayList<>();
        for (String j : jars) {
            URI uri = j.matches("[A-Za-z][A-Za-z0-9+.-]+:/.*") ? URI.create(j) : Path.of(j).toAbsolutePath().toUri();
            if (!added.contains(name(uri))) context.addJar(uri.toString());
            if ("file".equals(uri.getScheme())) local.add(uri.toURL());
        }
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        // Not closed: the providers load the rest of their classes from it as the runs need them.
        thread.setContextClassLoader(new URLClassLoader(local.toArray(URL[]::new), before));
        try {
            return Catalog.discover(List.of());
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    private static String name(URI jar) {
        String path = jar.getPath() == null ? jar.toString() : jar.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
