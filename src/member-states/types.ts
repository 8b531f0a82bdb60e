export interface MemberState {
  id: string;
  isoCode: string;
  nameAr: string;
  nameEn: string;
  nameFr: string;
  protocolOrder: number;
  active: boolean;
}
