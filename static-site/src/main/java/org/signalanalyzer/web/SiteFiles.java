package org.signalanalyzer.web;

import java.util.Optional;

/**
 * Which file of the built single-page app answers a path, and how long a browser may keep it: the rules
 * {@link SiteController} serves by, free of the HTTP server so that the local runtime can serve the page by the
 * same rules while its server is still starting.
 */
public final class SiteFiles {

    public static final String INDEX = "index.html";
    /** Vite fingerprints everything under assets/ and the copied vendor bundle carries its version in its name. */
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    /** index.html names the current fingerprints, so the browser must revalidate it on every load. */
    static final String NO_CACHE = "no-cache";

    static final String SHORT = "public, max-age=3600";

    private SiteFiles() {}

    /**
     * The site file that answers {@code path} (relative to the site, "" for its root): index.html for the app's
     * routes (names without an extension), the named file otherwise (it may not exist). Empty for paths that are
     * never the app: ones that leave the site folder, and api/, which stays the API's (a 404 where the API's
     * controllers run in the same process).
     */
    public static Optional<String> fileFor(String path) {
        if (path.isEmpty()) return Optional.of(INDEX);
        if (!isSafe(path) || path.equals("api") || path.startsWith("api/")) return Optional.empty();
        String last = path.substring(path.lastIndexOf('/') + 1);
        return Optional.of(last.contains(".") ? path : INDEX);
    }

    /** The Cache-Control of a site file. */
    public static String cacheControl(String file) {
        if (file.equals(INDEX)) return NO_CACHE;
        return file.startsWith("assets/") || file.startsWith("vendor/") ? IMMUTABLE : SHORT;
    }

    /** No way out of the site folder: no empty, dot or dot-dot segments, no backslashes. */
    static boolean isSafe(String path) {
        if (path.isEmpty() || path.contains("\\") || path.startsWith("/")) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }
}
