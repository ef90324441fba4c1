package org.openbitgo.accesstoken.bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/**
 * The ceiling of the stub's stack: Netty's HTTP/1.1 codec and a body aggregator on one event loop
 * per core, as the stub uses them, reading the whole request and answering 200 with the stub's full
 * JSON answer, with no application work at all.
 *
 * <p>{@code java -cp benchmarks.jar org.openbitgo.accesstoken.bench.CannedNettyServer HOST PORT}
 */
public final class CannedNettyServer {

  private static final byte[] ANSWER = Payloads.FULL_RESPONSE.getBytes(StandardCharsets.UTF_8);

  private CannedNettyServer() {}

  public static void main(String[] args) throws InterruptedException {
    new ServerBootstrap()
        .group(new NioEventLoopGroup(1), new NioEventLoopGroup())
        .channel(NioServerSocketChannel.class)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(
            new ChannelInitializer<SocketChannel>() {
              @Override
              protected void initChannel(SocketChannel channel) {
                channel
                    .pipeline()
                    .addLast(
                        new HttpServerCodec(),
                        new HttpObjectAggregator(64 * 1024),
                        new SimpleChannelInboundHandler<FullHttpRequest>() {
                          @Override
                          protected void channelRead0(
                              ChannelHandlerContext context, FullHttpRequest request) {
                            FullHttpResponse answer =
                                new DefaultFullHttpResponse(
                                    HttpVersion.HTTP_1_1,
                                    HttpResponseStatus.OK,
                                    Unpooled.wrappedBuffer(ANSWER));
                            answer
                                .headers()
                                .set(HttpHeaderNames.CONTENT_TYPE, "application/json")
                                .setInt(HttpHeaderNames.CONTENT_LENGTH, ANSWER.length);
                            context.writeAndFlush(answer);
                          }
                        });
              }
            })
        .bind(args[0], Integer.parseInt(args[1]))
        .sync();
    // the event loops are not daemon threads: the process lives until it is stopped
  }
}
