import { describe, expect, it } from 'vitest';
import { deliveryStatusLabel, durationText, eventsSummary, EVENT_OPTIONS, responseText, webhookErrorMessage } from './webhook-text';

describe('webhook wording', () => {
  it('names every event once, by its wire name', () => {
    expect(new Set(EVENT_OPTIONS.map((o) => o.wire)).size).toBe(8);
    expect(eventsSummary(['SUPPLIER_BANK_DETAILS_CHANGED'])).toBe('supplier.bank_details.changed');
    expect(eventsSummary(['SUPPLIER_CREATED', 'SUPPLIER_UPDATED'])).toBe('2 events');
  });

  it('says what happened to a delivery', () => {
    expect(deliveryStatusLabel('PENDING', 0)).toBe('Waiting');
    expect(deliveryStatusLabel('PENDING', 2)).toBe('Retrying');
    expect(deliveryStatusLabel('SUCCEEDED', 1)).toBe('Delivered');
    expect(responseText({ status: 'SUCCEEDED', responseStatus: 204, lastError: null })).toBe('204');
    expect(responseText({ status: 'PENDING', responseStatus: 500, lastError: 'HTTP 500' })).toBe('500');
    expect(responseText({ status: 'PENDING', responseStatus: null, lastError: 'Connection refused' })).toBe('Connection refused');
    expect(durationText(42)).toBe('42 ms');
    expect(durationText(2500)).toBe('2.5 s');
    expect(durationText(null)).toBe('—');
  });

  it('explains failures by code', () => {
    expect(webhookErrorMessage({ code: 'FORBIDDEN', message: 'x' })).toMatch(/admin/);
    expect(webhookErrorMessage({ code: 'BAD_USER_INPUT', message: 'Use an https:// URL.' })).toBe('Use an https:// URL.');
  });
});
