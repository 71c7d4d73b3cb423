/** Starts the API: `npm start` (PORT defaults to 3000). */
import { createTodoServer } from './server.js';

const port = Number(process.env['PORT'] ?? 3000);
const server = createTodoServer();
server.listen(port, () => {
  console.error(`todo-api listening on http://localhost:${port}`);
});
