import postgres from 'postgres';

const admin = postgres('postgres://postgres@127.0.0.1:5432/postgres', { max: 1, onnotice: () => {} });
await admin.unsafe('drop database if exists errprobe');
await admin.unsafe('create database errprobe');
const sql = postgres('postgres://postgres@127.0.0.1:5432/errprobe', { max: 2, onnotice: () => {} });
await sql`select 1`;
await admin.unsafe('alter database errprobe allow_connections false');
await admin.unsafe(`select pg_terminate_backend(pid) from pg_stat_activity where datname = 'errprobe'`);
for (let i = 0; i < 3; i++) {
  try {
    await sql`select 1`;
    console.log('ok');
  } catch (e: any) {
    console.log('code', e.code, e.name, e.message);
  }
}
await admin.unsafe('alter database errprobe allow_connections true');
await sql.end();
await admin.unsafe('drop database errprobe with (force)');
await admin.end();
