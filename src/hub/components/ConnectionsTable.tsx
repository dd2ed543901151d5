import { Ago } from "azure-devops-ui/Ago";
import { Card } from "azure-devops-ui/Card";
import type { IMenuItem } from "azure-devops-ui/Menu";
import { MenuItemType } from "azure-devops-ui/Menu";
import {
  ColumnMore,
  type ITableColumn,
  SimpleTableCell,
  Table,
  TwoLineTableCell,
} from "azure-devops-ui/Table";
import { ArrayItemProvider } from "azure-devops-ui/Utilities/Provider";
import * as React from "react";

import type { Connection } from "../../shared/contracts";
import { destinationLabel, modeLabel, typeLabel } from "./connectionLabels";
import { ConnectionStatus } from "./ConnectionStatus";

/** What a row's "..." menu can ask for. */
export type ConnectionAction = "edit" | "copyInvitation" | "activate" | "deactivate" | "delete";

/** The connections list: one row per connection, with a "..." menu of row actions. */
export function ConnectionsTable(props: {
  connections: Connection[];
  onAction: (action: ConnectionAction, connection: Connection) => void;
}): React.ReactElement {
  const { connections, onAction } = props;
  const onActionRef = React.useRef(onAction);
  onActionRef.current = onAction;
  const columns = React.useMemo(
    () => buildColumns((action, connection) => onActionRef.current(action, connection)),
    [],
  );
  const items = React.useMemo(() => new ArrayItemProvider(connections), [connections]);
  return (
    <Card className="bolt-table-card" contentProps={{ contentPadding: false }}>
      <Table<Connection>
        ariaLabel="Connections"
        columns={columns}
        itemProvider={items}
        role="table"
        containerClassName="h-scroll-auto"
      />
    </Card>
  );
}

function textCell(text: string, className?: string) {
  return function render(
    _row: number,
    columnIndex: number,
    column: ITableColumn<Connection>,
  ): React.ReactElement {
    return (
      <SimpleTableCell columnIndex={columnIndex} tableColumn={column} key={column.id}>
        <span className={className}>{text}</span>
      </SimpleTableCell>
    );
  };
}

type Column = ITableColumn<Connection>;
type Cell = (row: number, columnIndex: number, column: Column, item: Connection) => JSX.Element;

const cell =
  (render: (c: Connection) => { text: string; className?: string }): Cell =>
  (row, columnIndex, column, item) => {
    const { text, className } = render(item);
    return textCell(text, className)(row, columnIndex, column);
  };

/** The name opens Edit connection (a real button: focusable, Enter/Space work). */
const nameCell =
  (onAction: (a: ConnectionAction, c: Connection) => void): Cell =>
  (_row, columnIndex, column, item) => (
    <TwoLineTableCell
      key={column.id}
      columnIndex={columnIndex}
      tableColumn={column}
      line1={
        <button
          type="button"
          className="connection-name-link text-ellipsis font-weight-semibold"
          onClick={(event) => {
            event.stopPropagation();
            onAction("edit", item);
          }}
        >
          {item.name}
        </button>
      }
      line2={<span className="text-ellipsis secondary-text">{item.description}</span>}
    />
  );

const statusCell: Cell = (_row, columnIndex, column, item) => (
  <SimpleTableCell columnIndex={columnIndex} tableColumn={column} key={column.id}>
    <ConnectionStatus connection={item} />
  </SimpleTableCell>
);

const activityCell: Cell = (row, columnIndex, column, item) =>
  item.lastActivityAt ? (
    <SimpleTableCell columnIndex={columnIndex} tableColumn={column} key={column.id}>
      <Ago date={new Date(item.lastActivityAt)} />
    </SimpleTableCell>
  ) : (
    textCell("Never", "secondary-text")(row, columnIndex, column)
  );

function buildColumns(onAction: (a: ConnectionAction, c: Connection) => void): Column[] {
  return [
    { id: "name", name: "Name", width: -24, renderCell: nameCell(onAction) },
    {
      id: "local",
      name: "Local",
      ariaLabel: "Local short name",
      width: -10,
      renderCell: cell((c) => ({ text: c.localShortName })),
    },
    {
      id: "destination",
      name: "Destination",
      ariaLabel: "Destination short name",
      width: -11,
      renderCell: cell((c) => ({
        text: destinationLabel(c),
        className: c.remoteShortName ? undefined : "secondary-text",
      })),
    },
    { id: "type", name: "Type", width: -7, renderCell: cell((c) => ({ text: typeLabel(c.type) })) },
    { id: "mode", name: "Mode", width: -7, renderCell: cell((c) => ({ text: modeLabel(c.mode) })) },
    { id: "status", name: "Status", width: -13, renderCell: statusCell },
    {
      id: "project",
      name: "Incoming project",
      width: -14,
      renderCell: cell((c) => ({ text: c.incomingProject?.name ?? "" })),
    },
    { id: "activity", name: "Last activity", width: -11, renderCell: activityCell },
    new ColumnMore<Connection>((item) => ({
      id: `actions-${item.id}`,
      items: menuItems(item, onAction),
    })),
  ];
}

/** Row actions by status: edit, copy the code while Pending, activate/deactivate, delete. */
function menuItems(c: Connection, onAction: (a: ConnectionAction, c: Connection) => void) {
  const item = (id: ConnectionAction, text: string, iconName: string): IMenuItem => ({
    id,
    text,
    iconProps: { iconName },
    onActivate: () => onAction(id, c),
  });
  const items: IMenuItem[] = [item("edit", "Edit", "Edit")];
  if (c.status === "pending") items.push(item("copyInvitation", "Copy invitation code", "Copy"));
  if (c.status === "active" || c.status === "error")
    items.push(item("deactivate", "Deactivate", "CirclePause"));
  if (c.status === "deactivated") items.push(item("activate", "Activate", "Play"));
  items.push({ id: "divider", itemType: MenuItemType.Divider });
  items.push(item("delete", "Delete", "Delete"));
  return items;
}
