package org.signalanalyzer.functions.hardening;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP relay in front of a storage server the tests started (S3Proxy, dynalite), so a test can take the
 * storage away, slow it down or make it hang without owning the server: {@link Mode#UP} forwards bytes,
 * {@link Mode#DOWN} drops every connection at once (a crashed or unreachable service), {@link Mode#HANG} accepts
 * and never answers, {@link Mode#SLOW} delays each chunk it forwards by {@link #delayMillis}.
 */
public final class StorageRelay implements AutoCloseable {

    public enum Mode {
        UP,
        DOWN,
        HANG,
        SLOW
    }

    private final ServerSocket server;
    private final URI target;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.UP;
    private volatile long delayMillis = 0;

    public StorageRelay(URI target) throws IOException {
        this.target = target;
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread acceptor = new Thread(this::accept, "storage-relay-" + target.getPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** Switches the mode; leaving {@link Mode#UP} also cuts the connections already open (pooled keep-alives). */
    public void mode(Mode m) {
        mode = m;
        if (m != Mode.UP && m != Mode.SLOW) cutAll();
    }

    public void slow(long millis) {
        delayMillis = millis;
        mode = Mode.SLOW;
    }

    private void cutAll() {
        for (Socket s : open) closeQuietly(s);
        open.clear();
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException closed) {
                return;
            }
            Mode now = mode;
            if (now == Mode.DOWN) {
                closeQuietly(client);
                continue;
            }
            open.add(client);
            if (now == Mode.HANG) continue;
            try {
                Socket upstream = new Socket(target.getHost(), target.getPort());
                open.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                closeQuietly(client);
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(
                () -> {
                    byte[] buf = new byte[16 * 1024];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        int n;
                        while ((n = in.read(buf)) >= 0) {
                            if (mode == Mode.SLOW && delayMillis > 0) Thread.sleep(delayMillis);
                            if (mode == Mode.DOWN || mode == Mode.HANG) break;
                            out.write(buf, 0, n);
                            out.flush();
                        }
                    } catch (IOException | InterruptedException e) {
                        // The other side went away, or the test cut the connection: both ends close below.
                    } finally {
                        closeQuietly(from);
                        closeQuietly(to);
                    }
                },
                "storage-relay-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // Closing a socket that already failed.
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        cutAll();
    }
}
