// npm run users -- create --username NAME --role ROLE [--commune 09700 ...]
// Creates a user while the server is stopped (or beside it, on PostgreSQL); the password is read from
// standard input, never from the command line (which other users and the shell history can see).
import { parseArgs } from 'node:util';
import { text } from 'node:stream/consumers';
import {
	communesFitRole,
	isRole,
	normalUsername,
	passwordHash,
	passwordProblem
} from '../src/lib/server/auth/accounts';
import { createUser, unknownCommuneCodes, usernameTaken } from '../src/lib/server/db/users';
import { describeDatabase, openDatabaseFromEnvironment } from './database-from-env';

const USAGE =
	'npm run users -- create --username NAME --role admin|city|commune|team [--commune CODE]... < password';

function fail(message: string): never {
	console.error(message);
	console.error(USAGE);
	process.exit(1);
}

const { positionals, values } = parseArgs({
	allowPositionals: true,
	options: {
		username: { type: 'string' },
		role: { type: 'string' },
		commune: { type: 'string', multiple: true, default: [] }
	}
});
if (positionals[0] !== 'create') fail('Lệnh không rõ (unknown command)');
const username = normalUsername(values.username ?? '');
if (!username) fail('--username: 3–30 chữ thường, số, "_" hoặc "." (lowercase letters, digits, _ .)');
const role = values.role ?? '';
if (!isRole(role)) fail('--role: admin, city, commune hoặc team');
const communeCodes = values.commune;
if (!communesFitRole(role, communeCodes)) {
	fail(
		'--commune: bắt buộc với commune/team, không dùng với admin/city (required for commune and team only)'
	);
}
// The first line of standard input (a pipe or a typed line), without its line break.
const password = (await text(process.stdin)).split(/\r?\n/)[0] ?? '';
const problem = passwordProblem(password, username);
if (problem) fail(`Mật khẩu bị từ chối (password refused): ${problem}; ít nhất 10 ký tự, không phổ biến`);

const handle = await openDatabaseFromEnvironment();
try {
	if (await usernameTaken(handle.db, username)) fail(`Tên đăng nhập đã có (username taken): ${username}`);
	const unknown = await unknownCommuneCodes(handle.db, communeCodes);
	if (unknown.length > 0) fail(`Không có xã/phường (no such commune): ${unknown.join(', ')}`);
	const { id } = await createUser(
		handle.db,
		{ kind: 'system', reason: 'npm run users -- create' },
		{
			username,
			role,
			communeCodes,
			passwordHash: await passwordHash(password),
			mustChangePassword: false
		}
	);
	console.log(`Đã tạo (created) ${username} (${role}) ${id} in ${describeDatabase()}`);
} finally {
	await handle.close();
}
