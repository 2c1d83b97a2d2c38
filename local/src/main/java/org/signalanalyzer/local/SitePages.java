package org.signalanalyzer.local;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.server.types.files.StreamedFile;
import java.net.URL;
import java.util.Optional;

/**
 * The browser app, built by the static-site module into the classpath's {@code public/} folder. A path without a
 * file extension is one of the app's own routes and gets index.html (so a reload works); {@code api/...} is never
 * the app, so unknown API paths keep their JSON 404.
 */
@Controller
public class SitePages {

    private static final String ROOT = "classpath:public/";
    /** Vite fingerprints what it puts under assets/ (and vendor/ files carry their version in the name). */
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    /** index.html names the current fingerprints: revalidate it on every load. */
    private static final String NO_CACHE = "no-cache";

    private final ResourceResolver resources;

    public SitePages(ResourceResolver resources) {
        this.resources = resources;
    }

    @Get(produces = MediaType.TEXT_HTML)
    public HttpResponse<?> index() {
        return indexPage();
    }

    @Get("/{+path}")
    public HttpResponse<?> file(@PathVariable String path) {
        if (path.startsWith("api/") || !isSafe(path)) return HttpResponse.notFound();
        String last = path.substring(path.lastIndexOf('/') + 1);
        if (!last.contains(".") || last.equals("index.html")) return indexPage();
        Optional<URL> url = resources.getResource(ROOT + path);
        if (url.isEmpty()) return HttpResponse.notFound();
        boolean fingerprinted = path.startsWith("assets/") || path.startsWith("vendor/");
        return HttpResponse.ok(new StreamedFile(url.get()))
                .header(HttpHeaders.CACHE_CONTROL, fingerprinted ? IMMUTABLE : "public, max-age=3600");
    }

    private HttpResponse<?> indexPage() {
        return resources.getResource(ROOT + "index.html")
                .<HttpResponse<?>>map(url -> HttpResponse.ok(new StreamedFile(url)).contentType(MediaType.TEXT_HTML_TYPE)
                        .header(HttpHeaders.CACHE_CONTROL, NO_CACHE))
                .orElseGet(HttpResponse::notFound);
    }

    /** No way out of the site folder: no empty, dot or dot-dot segments, no backslashes. */
    static boolean isSafe(String path) {
        if (path.isEmpty() || path.contains("\\") || path.startsWith("/")) return false;
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) return false;
        }
        return true;
    }
}
