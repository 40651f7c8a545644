// One zone's records in a sortable table (@tanstack/react-table v9), with Edit and Delete per
// record. SOA and NS records at the apex are DigitalOcean's: shown, not editable here. The record
// just added or saved is brought to the middle of the view and marked: the toast saying so sits in
// a corner and would otherwise cover a row at the bottom edge.
import { useEffect, useRef } from 'react';
import {
  createColumnHelper,
  createSortedRowModel,
  metaHelper,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  sortFn_text,
  tableFeatures,
  useTable,
} from '@tanstack/react-table';
import type { DnsRecord } from '../../../src-preload/contract';
import { useRovingRows } from '../../components/useRovingRows';
import { fqdn, recordValue } from './dnsFormat';

interface RecordColumnMeta {
  width?: number | string;
  align?: 'end';
  label: string;
}

const recordFeatures = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, basic: sortFn_basic, text: sortFn_text },
  columnMeta: metaHelper<RecordColumnMeta>(),
});

interface RecordRow {
  record: DnsRecord;
  zone: string;
  /** DigitalOcean keeps these: no edit or delete. */
  managed: boolean;
}

const helper = createColumnHelper<typeof recordFeatures, RecordRow>();

const columns = helper.columns([
  helper.accessor((r) => r.record.type, {
    id: 'type',
    header: 'Type',
    sortFn: 'text',
    meta: { width: 90, label: 'Type' },
    cell: ({ row }) => <span className="code-chip">{row.original.record.type}</span>,
  }),
  helper.accessor((r) => (r.record.name === '@' ? '' : r.record.name), {
    id: 'name',
    header: 'Name',
    sortFn: 'alphanumeric',
    meta: { width: '24%', label: 'Name' },
    cell: ({ row }) => (
      <span className="dns-record__name" title={fqdn(row.original.zone, row.original.record.name)}>
        <code className="selectable">{row.original.record.name}</code>
      </span>
    ),
  }),
  helper.accessor((r) => r.record.data, {
    id: 'data',
    header: 'Value',
    sortFn: 'text',
    meta: { label: 'Value' },
    cell: ({ row }) => {
      const value = recordValue(row.original.record);
      return (
        <code className="selectable dns-record__data" title={value}>
          {value}
        </code>
      );
    },
  }),
  helper.accessor((r) => r.record.ttl, {
    id: 'ttl',
    header: 'TTL',
    sortFn: 'basic',
    meta: { width: 80, align: 'end', label: 'TTL' },
    cell: ({ row }) => <span className="tabular">{row.original.record.ttl}</span>,
  }),
]);

interface RecordsTableProps {
  zone: string;
  records: DnsRecord[];
  onEdit: (record: DnsRecord) => void;
  onDelete: (record: DnsRecord) => void;
  readOnly?: string;
  /** The record just added or saved. */
  highlightId?: number;
  /** The last answer is shown while the zone is read again (opening the view re-reads it). */
  refreshing?: boolean;
}

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

export function RecordsTable({
  zone,
  records,
  onEdit,
  onDelete,
  readOnly,
  highlightId,
  refreshing,
}: RecordsTableProps) {
  const highlighted = useRef<HTMLTableRowElement>(null);
  const shown = highlightId !== undefined && records.some((r) => r.id === highlightId);
  useEffect(() => {
    if (shown) highlighted.current?.scrollIntoView({ block: 'center' });
  }, [shown, highlightId]);
  const data = records.map((record) => ({
    record,
    zone,
    managed: record.type === 'SOA' || (record.type === 'NS' && record.name === '@'),
  }));
  const table = useTable({
    features: recordFeatures,
    columns,
    data,
    getRowId: (row) => String(row.record.id),
    enableSortingRemoval: true,
  });

  // One Tab stop for the records; Enter on a row opens Edit (the sort buttons above keep their own stops).
  const rowsRef = useRef<HTMLTableElement>(null);
  useRovingRows(rowsRef);

  return (
    <div className="table-scroll">
      <table
        className="data-table dns-records-table"
        data-testid="dns-records-table"
        data-zone={zone}
        aria-busy={refreshing ? true : undefined}
        aria-label={`Records of ${zone}: arrow keys move between records, Enter edits`}
        ref={rowsRef}
      >
        <colgroup>
          {table.getAllLeafColumns().map((c) => (
            <col key={c.id} style={{ width: c.columnDef.meta?.width }} />
          ))}
          <col style={{ width: 150 }} />
        </colgroup>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                return (
                  <th
                    key={header.id}
                    scope="col"
                    className={header.column.columnDef.meta?.align === 'end' ? 'align-end' : undefined}
                    aria-sort={sorted ? ARIA_SORT[sorted] : 'none'}
                  >
                    <button
                      type="button"
                      className={`sort-button${sorted ? ' sort-button--active' : ''}`}
                      onClick={header.column.getToggleSortingHandler()}
                      title={`Sort by ${header.column.columnDef.meta?.label ?? header.column.id}`}
                    >
                      <span>
                        <table.FlexRender header={header} />
                      </span>
                      <span className="sort-indicator" aria-hidden="true">
                        {sorted === 'asc' ? '↑' : sorted === 'desc' ? '↓' : '↕'}
                      </span>
                    </button>
                  </th>
                );
              })}
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => {
            const { record, managed } = row.original;
            return (
              <tr
                key={row.id}
                ref={record.id === highlightId ? highlighted : undefined}
                className={record.id === highlightId ? 'dns-record--new' : undefined}
                data-testid="dns-record-row"
                data-record-name={record.name}
                data-record-type={record.type}
              >
                {row.getAllCells().map((cell) => (
                  <td key={cell.id} className={cell.column.columnDef.meta?.align === 'end' ? 'align-end' : undefined}>
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
                <td className="dns-record__actions">
                  {managed ? (
                    <span className="muted" title="DigitalOcean creates and keeps this record for every domain">
                      DigitalOcean
                    </span>
                  ) : (
                    <>
                      <button
                        type="button"
                        className="button button--small"
                        onClick={() => onEdit(record)}
                        disabled={!!readOnly}
                        title={readOnly}
                        data-row-open
                      >
                        Edit
                      </button>
                      <button
                        type="button"
                        className="button button--small button--danger-quiet"
                        onClick={() => onDelete(record)}
                        disabled={!!readOnly}
                        title={readOnly}
                      >
                        Delete
                      </button>
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
