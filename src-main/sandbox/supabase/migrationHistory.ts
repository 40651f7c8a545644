// The schema histories of the demo fleet's Supabase projects, as supabase/migrations files would
// hold them. Every TaskifAI tenant database runs the same backend/db schema (seed 000: "Use
// backend/db/schema.sql for each tenant project"); the central registry has the tenants and
// user_tenants tables the seed spells out, and its own later changes.

export interface MigrationSource {
  version: string;
  name: string;
  sql: string;
}

export const TENANT_MIGRATIONS: readonly MigrationSource[] = [
  {
    version: '20260302103000',
    name: 'init_schema',
    sql: `create extension if not exists "uuid-ossp";
create table public.users (
  user_id uuid primary key default uuid_generate_v4(),
  email varchar(255) unique not null,
  hashed_password text not null,
  full_name varchar(255),
  role varchar(20) not null default 'analyst',
  created_at timestamptz not null default now()
);
create table public.products (
  product_id uuid primary key default uuid_generate_v4(),
  ean varchar(13) unique not null,
  name text not null,
  brand text,
  created_at timestamptz not null default now()
);`,
  },
  {
    version: '20260309141500',
    name: 'upload_batches',
    sql: `create table public.upload_batches (
  batch_id uuid primary key default uuid_generate_v4(),
  uploaded_by uuid not null references public.users (user_id),
  file_name text not null,
  vendor_name text,
  status varchar(20) not null default 'pending',
  rows_total integer,
  rows_failed integer not null default 0,
  error_message text,
  created_at timestamptz not null default now(),
  processed_at timestamptz
);
create index idx_upload_batches_status on public.upload_batches (status);`,
  },
  {
    version: '20260324092000',
    name: 'sellout_entries',
    sql: `create table public.sellout_entries (
  entry_id uuid primary key default uuid_generate_v4(),
  batch_id uuid not null references public.upload_batches (batch_id) on delete cascade,
  product_id uuid references public.products (product_id),
  reseller text not null,
  sale_date date not null,
  quantity integer not null,
  sales_eur numeric(12, 2),
  currency char(3) not null default 'EUR'
);
create index idx_sellout_entries_sale_date on public.sellout_entries (sale_date);`,
  },
  {
    version: '20260415160500',
    name: 'conversation_history',
    sql: `create table public.conversation_history (
  message_id uuid primary key default uuid_generate_v4(),
  session_id uuid not null,
  user_id uuid not null references public.users (user_id) on delete cascade,
  role varchar(10) not null check (role in ('user', 'assistant')),
  content text not null,
  created_at timestamptz not null default now()
);
create index idx_conversation_history_session on public.conversation_history (session_id, created_at);`,
  },
  {
    version: '20260612110000',
    name: 'enable_rls',
    sql: `alter table public.users enable row level security;
alter table public.upload_batches enable row level security;
alter table public.sellout_entries enable row level security;
alter table public.conversation_history enable row level security;
create policy "Users read their own uploads" on public.upload_batches
  for select using (uploaded_by = auth.uid());
create policy "Users read their own conversations" on public.conversation_history
  for select using (user_id = auth.uid());`,
  },
  {
    version: '20261118093000',
    name: 'report_schedules',
    sql: `create table public.report_schedules (
  schedule_id uuid primary key default uuid_generate_v4(),
  created_by uuid not null references public.users (user_id) on delete cascade,
  report_type varchar(30) not null,
  cron text not null,
  recipients text[] not null,
  last_sent_at timestamptz,
  created_at timestamptz not null default now()
);
alter table public.report_schedules enable row level security;
create policy "Users manage their own schedules" on public.report_schedules
  using (created_by = auth.uid());`,
  },
];

export const REGISTRY_MIGRATIONS: readonly MigrationSource[] = [
  {
    version: '20260302101500',
    name: 'init_tenants',
    sql: `create extension if not exists "uuid-ossp";
create table if not exists public.tenants (
  tenant_id uuid primary key default uuid_generate_v4(),
  subdomain varchar(63) unique not null,
  display_name varchar(255) not null,
  database_url text not null,
  database_anon_key text not null,
  is_active boolean default true,
  created_at timestamp with time zone default now(),
  updated_at timestamp with time zone default now()
);
create table if not exists public.user_tenants (
  user_tenant_id uuid primary key default uuid_generate_v4(),
  tenant_id uuid not null references public.tenants (tenant_id) on delete cascade,
  email varchar(255) not null,
  created_at timestamp with time zone default now(),
  unique (tenant_id, email)
);
create index idx_user_tenants_email on public.user_tenants (email);
create index idx_user_tenants_tenant on public.user_tenants (tenant_id);`,
  },
  {
    version: '20260518074500',
    name: 'tenant_region',
    sql: `alter table public.tenants add column region text not null default 'eu-central-1';`,
  },
  {
    version: '20261113152000',
    name: 'tenant_events',
    sql: `create table public.tenant_events (
  event_id bigint generated always as identity primary key,
  tenant_id uuid not null references public.tenants (tenant_id) on delete cascade,
  kind varchar(40) not null,
  detail jsonb,
  created_at timestamptz not null default now()
);
alter table public.tenant_events enable row level security;`,
  },
];
