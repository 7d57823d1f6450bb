import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Writes Apex classes (name → source) to a temp folder; returns their paths and a cleanup. */
export function writeApex(classes: Record<string, string>): { files: string[]; remove(): void } {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'apex-flow-'));
    const files = Object.entries(classes).map(([name, source]) => {
        const file = path.join(dir, name.includes('.') ? name : `${name}.cls`);
        writeFileSync(file, source);
        return file;
    });
    return { files, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A stand-in for the project's queue-based mock: it answers only what a test queued. */
export const QUEUED_MOCK = `@IsTest
public class SendbirdHttpCalloutMock implements HttpCalloutMock {
    private List<HttpResponse> answers = new List<HttpResponse>();
    public SendbirdHttpCalloutMock reply(Integer status, String body) {
        answers.add(new HttpResponse());
        return this;
    }
    public HttpResponse respond(HttpRequest request) {
        return answers.remove(0);
    }
}`;

/** A service that calls out, and a helper whose lazy getter inserts. */
export const SERVICE = `public with sharing class Service {
    public static HttpResponse fetch() {
        return new Http().send(new HttpRequest());
    }
    public static void saveThenFetch() {
        insert new Account(Name = 'a');
        fetch();
    }
}`;

export const HELPER = `@IsTest
public class Helper {
    private static User cached;
    public static User user {
        get {
            if (cached == null) {
                cached = new User(LastName = 'x');
                insert cached;
            }
            return cached;
        }
    }
    public static void insertAccount() {
        insert new Account(Name = 'b');
    }
}`;

/** A test class with one method per body given. */
export function testClass(methods: Record<string, string>, extra = ''): string {
    const bodies = Object.entries(methods)
        .map(([name, body]) => `    @IsTest\n    static void ${name}() {\n${body}\n    }`)
        .join('\n');
    return `@IsTest\nprivate class Flow_Tests {\n${extra}\n${bodies}\n}`;
}
