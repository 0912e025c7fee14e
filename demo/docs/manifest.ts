/**
 * The parts of the Custom Elements Manifest schema (https://github.com/webcomponents/custom-elements-manifest)
 * that the documentation page reads.
 */
export interface Described {
  name: string;
  description?: string;
  summary?: string;
  type?: { text: string };
  default?: string;
}

export interface Member extends Described {
  kind: 'field' | 'method';
  privacy?: 'public' | 'private' | 'protected';
  static?: boolean;
  readonly?: boolean;
  attribute?: string;
  inheritedFrom?: { name: string };
}

interface Attribute extends Described {
  fieldName?: string;
}

export interface ElementDeclaration extends Described {
  kind: 'class';
  customElement?: true;
  tagName?: string;
  attributes?: Attribute[];
  members?: Member[];
  events?: Described[];
  slots?: Described[];
  cssParts?: Described[];
  cssProperties?: Described[];
}

export interface Manifest {
  schemaVersion: string;
  modules: { kind: 'javascript-module'; path: string; declarations?: (ElementDeclaration | Described)[] }[];
}

/** The custom elements of a manifest, in the order of the modules. */
export function elementsOf(manifest: Manifest): ElementDeclaration[] {
  return manifest.modules.flatMap((m) =>
    (m.declarations ?? []).filter((d): d is ElementDeclaration => 'customElement' in d && d.customElement === true && 'tagName' in d && !!d.tagName),
  );
}
