package org.signalanalyzer.local;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.netty.channel.EventLoopGroupConfiguration;
import io.micronaut.http.netty.channel.NettyChannelType;
import io.micronaut.http.netty.channel.NioEventLoopGroupFactory;
import io.netty.channel.Channel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Netty's NIO channels, except that the server's listening socket is the one {@link FrontDoor} has held open since
 * the process started (LocalRuntime configures the listener with {@code bind: false}, so Netty accepts on it as it
 * is). Every other channel, the HTTP client's included, is Netty's own.
 */
@Singleton
@Named(NioEventLoopGroupFactory.NAME)
@Replaces(NioEventLoopGroupFactory.class)
@Requires(bean = FrontDoor.class)
public class HandedOverSocketFactory extends NioEventLoopGroupFactory {

    private final FrontDoor door;

    public HandedOverSocketFactory(FrontDoor door) {
        this.door = door;
    }

    @Override
    public Channel channelInstance(NettyChannelType type, EventLoopGroupConfiguration configuration) {
        if (type != NettyChannelType.SERVER_SOCKET) return super.channelInstance(type, configuration);
        try {
            return new NioServerSocketChannel(door.handOver());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
