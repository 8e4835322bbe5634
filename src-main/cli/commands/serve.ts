import { defineCommand, stringOption, UsageError } from '../command';

export const serveCommand = defineCommand({
  name: 'serve',
  summary:
    'Serve the app to a browser on 127.0.0.1 (prints the URL to open), until Ctrl+C; a new folder starts on the demo book.',
  options: {
    port: {
      type: 'string',
      value: 'N',
      description: 'the port to listen on (default: a free one)',
    },
  },
  args: [],
  async run(ctx, options) {
    const port = parsePort(stringOption(options, 'port'));
    // Listening before anything is printed: a caller may signal as soon as it reads the URL,
    // and a signal during the start is kept until the server can stop cleanly.
    const stopRequested = new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        resolve();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    // Loaded here, not at the top: the server reaches every service and its libraries,
    // which would otherwise weigh on the start of every command.
    const { startServer } = await import('../../server/serve');
    const server = await startServer({ dataDir: ctx.dataDir, port });
    if (server.demo) {
      ctx.io.stderr(`${ctx.dataDir} held no book: the app opens on the demo book.\n`);
    }
    ctx.io.stdout(`Nexus Billing Desk: ${server.url}\n`);
    await stopRequested;
    await server.stop();
  },
});

function parsePort(text: string | undefined): number {
  if (text === undefined) return 0;
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) {
    throw new UsageError(`--port takes a port number 0-65535, not '${text}'.`);
  }
  return port;
}
