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
        Optional<String> file = SiteFiles.fileFor(path);
        if (file.isEmpty()) {
            return HttpResponse.notFound();
        }
        if (file.get().equals(SiteFiles.INDEX)) {
            return indexPage();
        }
        Optional<URL> url = resources.getResource(root + file.get());
        if (url.isEmpty()) {
            return HttpResponse.notFound();
        }
        return HttpResponse.ok(new StreamedFile(url.get()))
                .header(HttpHeaders.CACHE_CONTROL, SiteFiles.cacheControl(file.get()));
    }

    private HttpResponse<?> indexPage() {
        return resources
                .getResource(root + SiteFiles.INDEX)
                .<HttpResponse<?>>map(url -> HttpResponse.ok(new StreamedFile(url))
                        .contentType(MediaType.TEXT_HTML_TYPE)
                        .header(HttpHeaders.CACHE_CONTROL, SiteFiles.cacheControl(SiteFiles.INDEX)))
                .orElseGet(HttpResponse::notFound);
    }
}
