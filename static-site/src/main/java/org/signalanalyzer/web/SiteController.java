package org.signalanalyzer.web;

import io.micronaut.context.annotation.Value;
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
 * Serves the built single-page app from the classpath. Paths that name no file fall back to index.html so the
 * app's own routes survive a reload; a missing file (a name with an extension) is a plain 404. Paths under api/ are
 * never the app: an unknown API path stays a 404 where the API's controllers run in this process (the local runtime).
 */
@Controller
public class SiteController {

    /** Vite fingerprints everything under assets/ and the copied vendor bundle carries its version in its name. */
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    /** index.html names the current fingerprints, so the browser must revalidate it on every load. */
    static final String NO_CACHE = "no-cache";

    static final String SHORT = "public, max-age=3600";

    private final ResourceResolver resources;
    private final String root;

    /** The default is quoted in backticks: unquoted, the colon in it would be read as a further default. */
    public SiteController(ResourceResolver resources, @Value("${site.root:`classpath:public`}") String root) {
        this.resources = resources;
        this.root = root.endsWith("/") ? root : root + "/";
    }

    @Get(produces = MediaType.TEXT_HTML)
    public HttpResponse<?> index() {
        return indexPage();
    }

    @Get(uri = "/{+path}")
    public HttpResponse<?> file(@PathVariable String path) {
        if (!isSafe(path) || path.equals("api") || path.startsWith("api/")) {
            return HttpResponse.notFound();
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        if (!last.contains(".")) {
            return indexPage();
        }
        if (last.equals("index.html")) {
            return indexPage();
        }
        Optional<URL> url = resources.getResource(root + path);
        if (url.isEmpty()) {
            return HttpResponse.notFound();
        }
        boolean fingerprinted = path.startsWith("assets/") || path.startsWith("vendor/");
        return HttpResponse.ok(new StreamedFile(url.get()))
                .header(HttpHeaders.CACHE_CONTROL, fingerprinted ? IMMUTABLE : SHORT);
    }

    private HttpResponse<?> indexPage() {
        return resources
                .getResource(root + "index.html")
                .<HttpResponse<?>>map(url -> HttpResponse.ok(new StreamedFile(url))
                        .contentType(MediaType.TEXT_HTML_TYPE)
                        .header(HttpHeaders.CACHE_CONTROL, NO_CACHE))
                .orElseGet(HttpResponse::notFound);
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
