-- Runs once, when the Postgres volume is first created (docker-entrypoint-initdb.d),
-- connected as the superuser to the portal database.
--
-- Each service signs in as its own role. A role may create schemas in this
-- database, so a service creates, and therefore owns, its schema at its first
-- migration; it is granted nothing on any other schema, so no service can read
-- another's data even with a bug or an injected query.
\set ON_ERROR_STOP on

-- Passwords come from the container's environment (docker-compose.yml), not from this file.
\getenv identity_password IDENTITY_DB_PASSWORD
\getenv mfa_password MFA_DB_PASSWORD
\getenv tenancy_password TENANCY_DB_PASSWORD

create role identity login password :'identity_password';
create role mfa login password :'mfa_password';
create role tenancy login password :'tenancy_password';

-- The public schema is nobody's: no service may put tables where the others could reach them.
revoke create on schema public from public;
revoke all on database :"DBNAME" from public;

grant connect, create on database :"DBNAME" to identity, mfa, tenancy;
