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
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * Canned-response servers, one per HTTP stack the stub could run on: each reads the whole request
 * body and answers 200 with the same JSON (the stub's full answer). What a stack costs with no
 * application work at all: its ceiling on this machine, and its startup and memory.
 *
 * <p>{@code java -cp benchmarks.jar org.openbitgo.accesstoken.bench.CannedServers STACK PORT}
 */
public final class CannedServers {

  /** The stacks measured; {@code netty} is the one the stub runs on. */
  static final java.util.List<String> STACKS =
      java.util.List.of("netty", "grizzly", "jetty", "jdk");

  private static final byte[] ANSWER = Payloads.FULL_RESPONSE.getBytes(StandardCharsets.UTF_8);

  private CannedServers() {}

  public static void main(String[] args) throws Exception {
    String host = "127.0.0.1";
    int port = Integer.parseInt(args[1]);
    switch (args[0]) {
      case "netty" -> netty(host, port);
      case "grizzly" -> grizzly(host, port);
      case "jetty" -> jetty(host, port);
      case "jdk" -> jdk(host, port);
      default ->
          throw new IllegalArgumentException("unknown stack " + args[0] + "; one of " + STACKS);
    }
    // some stacks run on daemon threads only: the process lives until it is stopped
    Thread.currentThread().join();
  }

  /**
   * Netty's HTTP/1.1 codec and a body aggregator on one event loop per core, as the stub uses it.
   */
  private static void netty(String host, int port) throws InterruptedException {
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
        .bind(host, port)
        .sync();
  }

  /** Grizzly's HttpServer with a plain HttpHandler (what Jersey ran on), no keep-alive limit. */
  private static void grizzly(String host, int port) throws Exception {
    HttpServer server = new HttpServer();
    NetworkListener listener = new NetworkListener("canned", host, port);
    listener.getKeepAlive().setMaxRequestsCount(-1);
    server.addListener(listener);
    server
        .getServerConfiguration()
        .addHttpHandler(
            new HttpHandler() {
              @Override
              public void service(Request request, Response response) throws Exception {
                request.getInputStream().readAllBytes();
                response.setStatus(200);
                response.setContentType("application/json");
                response.setContentLength(ANSWER.length);
                response.getOutputStream().write(ANSWER);
              }
            },
            "/");
    server.start();
  }

  /** Jetty 12's core Handler (no servlets), reading the body asynchronously. */
  private static void jetty(String host, int port) throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost(host);
    connector.setPort(port);
    server.addConnector(connector);
    server.setHandler(
        new Handler.Abstract() {
          @Override
          public boolean handle(
              org.eclipse.jetty.server.Request request,
              org.eclipse.jetty.server.Response response,
              Callback callback) {
            Content.Source.asByteArrayAsync(
                request,
                64 * 1024,
                org.eclipse.jetty.util.Promise.Invocable.from(
                    org.eclipse.jetty.util.thread.Invocable.InvocationType.NON_BLOCKING,
                    (body, failure) -> {
                      response.setStatus(200);
                      response.getHeaders().put("Content-Type", "application/json");
                      response.getHeaders().put("Content-Length", ANSWER.length);
                      response.write(true, ByteBuffer.wrap(ANSWER), callback);
                    }));
            return true;
          }
        });
    server.start();
  }

  /**
   * The JDK's com.sun.net.httpserver, with TCP_NODELAY (else every answer waits for a delayed ACK).
   */
  private static void jdk(String host, int port) throws Exception {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    com.sun.net.httpserver.HttpServer server =
        com.sun.net.httpserver.HttpServer.create(new InetSocketAddress(host, port), 1024);
    server.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, ANSWER.length);
          exchange.getResponseBody().write(ANSWER);
          exchange.close();
        });
    server.setExecutor(
        Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors() * 2));
    server.start();
  }
}
