'use strict';
/**
 * The second peer: what a Node team builds without microservices. One NestJS
 * process (Express), @nestjs/passport with passport-local, express-session in
 * Redis through connect-redis, the product's argon2id parameters, and its own
 * database on the same Postgres. Each user is a member of a company reached at
 * a host of its own, as in the product; a session remembers the user and the
 * company, and each signed-in request loads the user's view from Postgres
 * (Passport's deserializeUser), as such apps usually do.
 * Plain JavaScript, so the decorators are applied by hand (Reflect.decorate).
 * Forked by the bench; set up and started over IPC.
 */
require('reflect-metadata');
const { Controller, Get, HttpCode, Inject, Injectable, Module, Post, Req, UnauthorizedException, UseGuards } = require('@nestjs/common');
const { NestFactory } = require('@nestjs/core');
const { AuthGuard, PassportModule, PassportSerializer, PassportStrategy } = require('@nestjs/passport');
const { Strategy } = require('passport-local');
const passport = require('passport');
const session = require('express-session');
const { RedisStore } = require('connect-redis');
const { createClient } = require('redis');
const { Pool } = require('pg');
const { verify } = require('@node-rs/argon2');
const { serveIpc } = require('../lib/processes');

const SESSION_SECONDS = 8 * 3600;
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const redis = createClient({ url: process.env.REDIS_URL });

const decorateMethod = (target, name, decorators) => Reflect.decorate(decorators, target.prototype, name, Object.getOwnPropertyDescriptor(target.prototype, name));

class Members {
  /** The member's credentials for the company of this host, in one query. */
  async credentialsAt(email, host) {
    const { rows } = await pool.query(
      `select u.id as user_id, m.company_id, u.password_hash from users u
       join memberships m on m.user_id = u.id join company_hosts h on h.company_id = m.company_id
       where u.email = $1 and h.host = $2`,
      [email, host],
    );
    return rows[0];
  }

  async view(userId, companyId) {
    const { rows } = await pool.query(
      `select u.id, u.email, u.name, m.role, c.id as company_id, c.name as company_name from users u
       join memberships m on m.user_id = u.id join companies c on c.id = m.company_id
       where u.id = $1 and c.id = $2`,
      [userId, companyId],
    );
    return rows[0];
  }
}
Reflect.decorate([Injectable()], Members);

class LocalStrategy extends PassportStrategy(Strategy) {
  constructor(members) {
    super({ usernameField: 'email', passReqToCallback: true });
    this.members = members;
  }

  async validate(request, email, password) {
    const member = await this.members.credentialsAt(email, request.hostname);
    if (!member || !(await verify(member.password_hash, password))) throw new UnauthorizedException();
    return { userId: member.user_id, companyId: member.company_id };
  }
}
Reflect.decorate([Injectable()], LocalStrategy);
Inject(Members)(LocalStrategy, undefined, 0);

class SessionSerializer extends PassportSerializer {
  constructor(members) {
    super();
    this.members = members;
  }

  serializeUser(user, done) {
    done(null, { userId: user.userId, companyId: user.companyId });
  }

  deserializeUser(payload, done) {
    this.members.view(payload.userId, payload.companyId).then((view) => done(null, view ?? false), done);
  }
}
Reflect.decorate([Injectable()], SessionSerializer);
Inject(Members)(SessionSerializer, undefined, 0);

/** Checks the password, then starts the session (Passport regenerates it on login). */
class SignInGuard extends AuthGuard('local') {
  async canActivate(context) {
    const passed = await super.canActivate(context);
    await super.logIn(context.switchToHttp().getRequest());
    return passed;
  }
}

class SignedInGuard {
  canActivate(context) {
    return context.switchToHttp().getRequest().isAuthenticated();
  }
}

class AuthController {
  login() {
    return { next: 'done' };
  }
}
Reflect.decorate([Controller('api/auth')], AuthController);
decorateMethod(AuthController, 'login', [Post('login'), HttpCode(200), UseGuards(SignInGuard)]);

class MeController {
  me(request) {
    const { id, email, name, role, company_id: companyId, company_name: companyName } = request.user;
    return { user: { id, email, name }, company: { id: companyId, name: companyName }, role };
  }
}
Reflect.decorate([Controller('api/me')], MeController);
decorateMethod(MeController, 'me', [Get(), UseGuards(SignedInGuard)]);
Req()(MeController.prototype, 'me', 0);

class AppModule {}
Reflect.decorate(
  [Module({ imports: [PassportModule.register({ session: true })], controllers: [AuthController, MeController], providers: [Members, LocalStrategy, SessionSerializer] })],
  AppModule,
);

const SCHEMA = `
  create table users (id uuid primary key default gen_random_uuid(), email text not null unique, name text not null, password_hash text not null);
  create table companies (id uuid primary key default gen_random_uuid(), name text not null);
  create table company_hosts (host text primary key, company_id uuid not null references companies);
  create table memberships (user_id uuid not null references users, company_id uuid not null references companies, role text not null, primary key (user_id, company_id));`;

let app;
serveIpc({
  /** Person i: user mono<i>@bench.test, member of company i at host mono<i>.bench.test, all with the same stored hash. */
  async seed({ users, storedHash }) {
    await pool.query(SCHEMA);
    await pool.query(
      `with people as (select i, gen_random_uuid() as user_id, gen_random_uuid() as company_id from generate_series(1, $1::int) as i),
         u as (insert into users (id, email, name, password_hash) select user_id, 'mono' || i || '@bench.test', 'Monolith user ' || i, $2 from people),
         c as (insert into companies (id, name) select company_id, 'Monolith company ' || i from people),
         h as (insert into company_hosts (host, company_id) select 'mono' || i || '.bench.test', company_id from people)
       insert into memberships (user_id, company_id, role) select user_id, company_id, 'client' from people`,
      [users, storedHash],
    );
    await pool.query('vacuum analyze users, companies, company_hosts, memberships');
    return { count: users };
  },
  async listen({ port }) {
    await redis.connect();
    app = await NestFactory.create(AppModule, { logger: ['error', 'warn'] });
    app.use(
      session({
        store: new RedisStore({ client: redis, prefix: process.env.KEY_PREFIX, ttl: SESSION_SECONDS }),
        name: 'portal_session',
        secret: process.env.SESSION_SECRET,
        resave: false,
        saveUninitialized: false,
        cookie: { httpOnly: true, sameSite: 'lax', secure: false, maxAge: SESSION_SECONDS * 1000 },
      }),
    );
    app.use(passport.initialize());
    app.use(passport.session());
    await app.listen(port, '127.0.0.1');
    return { port };
  },
  async close() {
    await app?.close();
    return {};
  },
});
