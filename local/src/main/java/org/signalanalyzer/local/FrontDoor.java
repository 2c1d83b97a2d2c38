package org.signalanalyzer.local;

import io.micronaut.http.MediaType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.signalanalyzer.web.SiteFiles;

/**
 * The runtime's listening socket, open from the first milliseconds of the process. Until the server is up it
 * answers requests for the built browser app (index.html, what it loads, its routes) itself, by SiteController's
 * rules: a browser asks for the page first, and the page needs neither the API nor the storage. Any other request
 * (the API, stored files, anything the app does not have) is held and, once the server has taken the socket over,
 * passed to it byte for byte on a loopback connection.
 * {@link #handOver} gives the still-listening socket to Netty ({@link HandedOverSocketFactory}): connections that
 * arrive meanwhile wait in the socket's queue, none is refused.
 */
public final class FrontDoor implements AutoCloseable {

    /** Where the browser app's files are on the classpath (SiteController's default root). */
    private static final String SITE = "public/";
    /**
     * Connections the kernel queues before they are accepted (it caps this at net.core.somaxconn), as many as Netty
     * asks for: the queue is the server's once it is handed over, and a full one drops new connections for a second.
     */
    private static final int BACKLOG = 4096;

    private static final int MAX_HEAD = 16 * 1024;
    private static final int READ_TIMEOUT_MS = 30_000;
    private static final byte[] END_OF_HEAD = "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] CRLF = "\r\n".getBytes(StandardCharsets.ISO_8859_1);

    private final ServerSocketChannel server;
    private final Selector selector;
    private final Thread acceptor;
    private final CompletableFuture<InetSocketAddress> serverTaken = new CompletableFuture<>();
    private volatile boolean handingOver;

    private FrontDoor(ServerSocketChannel server, Selector selector) {
        this.server = server;
        this.selector = selector;
        this.acceptor = new Thread(this::accept, "signal-analyzer-front-door");
        this.acceptor.setDaemon(true);
    }

    /** Listens on {@code bind:port} (0: a free port) and starts answering. */
    public static FrontDoor open(String bind, int port) throws IOException {
        InetAddress address = InetAddress.getByName(bind);
        ServerSocketChannel server = ServerSocketChannel.open(
                address.getAddress().length == 4 ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6);
        try {
            server.bind(new InetSocketAddress(address, port), BACKLOG);
            server.configureBlocking(false);
            Selector selector = Selector.open();
            server.register(selector, SelectionKey.OP_ACCEPT);
            FrontDoor door = new FrontDoor(server, selector);
            door.acceptor.start();
            return door;
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** The port it listens on. */
    public int port() throws IOException {
        return ((InetSocketAddress) server.getLocalAddress()).getPort();
    }

    /**
     * Stops answering and returns the listening socket, still open and bound, for the server to accept on; the
     * requests it held are then passed on to it.
     */
    ServerSocketChannel handOver() throws IOException {
        handingOver = true;
        selector.wakeup();
        try {
            acceptor.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while handing the listening socket over", e);
        }
        InetSocketAddress local = (InetSocketAddress) server.getLocalAddress();
        InetAddress target =
                local.getAddress().isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : local.getAddress();
        serverTaken.complete(new InetSocketAddress(target, local.getPort()));
        return server;
    }

    /** Closes the socket when the server never took it over (a start that failed); held requests are dropped. */
    @Override
    public void close() throws IOException {
        if (serverTaken.completeExceptionally(new IOException("Signal Analyzer did not start"))) {
            handingOver = true;
            selector.wakeup();
            server.close();
        }
    }

    private void accept() {
        try (selector) {
            while (!handingOver) {
                selector.select();
                selector.selectedKeys().clear();
                if (handingOver) break;
                SocketChannel connection;
                while ((connection = server.accept()) != null) {
                    Socket socket = connection.socket();
                    Thread worker = new Thread(() -> answer(socket), "signal-analyzer-front-door-request");
                    worker.setDaemon(true);
                    worker.start();
                }
            }
            // Netty registers the channel with its own selector; this one lets go of it first.
            server.keyFor(selector).cancel();
            selector.selectNow();
        } catch (IOException e) {
            serverTaken.completeExceptionally(e);
        }
    }

    private void answer(Socket socket) {
        try (socket) {
            socket.setSoTimeout(READ_TIMEOUT_MS);
            byte[] head = readHead(socket.getInputStream());
            if (serveSite(head, socket.getOutputStream())) return;
            passOn(socket, head);
        } catch (IOException e) {
            // the browser went away, or the server never took over: the connection closes either way
        }
    }

    /** The request head as read so far (at most {@value #MAX_HEAD} bytes, up to and including its blank line). */
    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (head.size() < MAX_HEAD) {
            int n = in.read(buffer);
            if (n < 0) break;
            head.write(buffer, 0, n);
            if (indexOf(head.toByteArray(), END_OF_HEAD) >= 0) break;
        }
        return head.toByteArray();
    }

    /**
     * Answers a GET or HEAD of the browser app by SiteController's rules ({@link SiteFiles}) when it names a file the
     * app has (index.html for its routes), and returns true; false for anything else: the API, stored files, odd,
     * encoded or missing paths go to the server, which has the rules and the error answers for them. Kept to the
     * JDK and SiteFiles, so that answering loads next to nothing while the server's classes load beside it.
     */
    private static boolean serveSite(byte[] head, OutputStream out) throws IOException {
        String path = sitePath(head);
        String file = path == null ? null : SiteFiles.fileFor(path).orElse(null);
        if (file == null) return false;
        try (InputStream body = FrontDoor.class.getClassLoader().getResourceAsStream(SITE + file)) {
            if (body == null) return false;
            byte[] bytes = body.readAllBytes();
            String type = file.equals(SiteFiles.INDEX)
                    ? MediaType.TEXT_HTML
                    : MediaType.forFilename(file).toString();
            String status = "HTTP/1.1 200 OK\r\nContent-Type: " + type + "\r\nContent-Length: " + bytes.length
                    + "\r\nCache-Control: " + SiteFiles.cacheControl(file) + "\r\nConnection: close\r\n\r\n";
            out.write(status.getBytes(StandardCharsets.ISO_8859_1));
            if (!new String(head, 0, 4, StandardCharsets.ISO_8859_1).equals("HEAD")) out.write(bytes);
            out.flush();
            return true;
        }
    }

    /** The site path a complete GET or HEAD head asks for ("" for /), or null when it is not for the site. */
    static String sitePath(byte[] head) {
        int end = indexOf(head, END_OF_HEAD);
        if (end < 0) return null;
        String line = new String(head, 0, indexOf(head, CRLF), StandardCharsets.ISO_8859_1);
        String[] parts = line.split(" ");
        if (parts.length != 3 || !(parts[0].equals("GET") || parts[0].equals("HEAD"))) return null;
        String target = parts[1];
        int query = target.indexOf('?');
        String path = query >= 0 ? target.substring(0, query) : target;
        if (!path.startsWith("/") || path.contains("%")) return null;
        path = path.substring(1);
        return path.equals("api") || path.startsWith("api/") || path.startsWith(EmbeddedS3.BUCKET + "/") ? null : path;
    }

    /** Once the server listens on the socket, the request goes to it unchanged, and its answer back. */
    private void passOn(Socket browser, byte[] head) throws IOException {
        InetSocketAddress target;
        try {
            target = serverTaken.get(10, TimeUnit.MINUTES);
        } catch (Exception notStarted) {
            return;
        }
        try (Socket server = new Socket(target.getAddress(), target.getPort())) {
            browser.setSoTimeout(0);
            server.getOutputStream().write(head);
            Thread upstream = new Thread(() -> pipe(browser, server), "signal-analyzer-front-door-pass-on");
            upstream.setDaemon(true);
            upstream.start();
            pipe(server, browser);
            upstream.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pipe(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException e) {
            // one side closed: the other direction ends as well
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) continue outer;
            }
            return i;
        }
        return -1;
    }
}
