import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/** A loopback port nothing listens on: connections to it are refused at once. */
export async function closedPort(): Promise<number> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    return port;
}

/**
 * A loopback port that accepts connections and never answers: Sendbird "still connecting".
 * It speaks no Sendbird protocol at all; it only keeps the SDK waiting.
 */
export async function silentServer(): Promise<{ port: number; close(): Promise<void> }> {
    const sockets = new Set<Socket>();
    const server: Server = createServer((socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
        socket.on('error', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return {
        port: (server.address() as AddressInfo).port,
        close: () => {
            sockets.forEach((socket) => socket.destroy());
            return new Promise((resolve) => server.close(() => resolve()));
        }
    };
}
