import { describe, expect, it } from 'vitest';
import { en } from './en';
import { SUPPORTED_LOCALES } from './locales';
import { DICTIONARIES } from './translate';
import { zhCN } from './zh-CN';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  it('zh-CN and en define exactly the same keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
  });

  it('every supported locale has a dictionary and no other dictionary exists', () => {
    expect(Object.keys(DICTIONARIES).sort()).toEqual([...SUPPORTED_LOCALES].sort());
  });

  it('no message is empty or whitespace-only', () => {
    for (const [locale, dictionary] of Object.entries(DICTIONARIES)) {
      for (const [key, text] of Object.entries(dictionary)) {
        expect(text.trim(), `${locale}:${key}`).not.toBe('');
      }
    }
  });

  it('translations use the same placeholders as the zh-CN reference', () => {
    for (const [key, text] of Object.entries(zhCN)) {
      expect(placeholders(en[key as keyof typeof zhCN]), key).toEqual(placeholders(text));
    }
  });

  it('required texts of the console shell are what the product specifies', () => {
    expect(zhCN['app.name']).toBe('守望 Shouwang');
    expect(en['app.name']).toBe('守望 Shouwang');
    expect(zhCN['app.subtitle']).toBe('110 接处警与指挥调度平台');
    expect(en['app.subtitle']).toBe('110 call-taking and command-dispatch platform');
    expect(zhCN['status.title']).toBe('系统状态');
    expect(en['status.title']).toBe('System status');
    expect(zhCN['health.ok']).toBe('正常');
    expect(en['health.ok']).toBe('OK');
  });
});
